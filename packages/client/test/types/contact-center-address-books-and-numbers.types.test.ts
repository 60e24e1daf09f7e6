// Hand-written type tests for the create, update and bulk methods of Contact Center's address books, contact numbers
// and dial numbers, and for what their listings iterate. Each `@ts-expect-error` line makes exactly one mistake, so
// `tsc -p packages/client` fails if that mistake ever compiles. Each such call fits on one line, so formatting cannot
// move the error away from its directive. The calls sit behind `if (false as boolean)`: nothing is sent; at run time
// each test only checks that the façade wires the methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  ContactCenterAddressBook,
  ContactCenterAddressBookEntry,
  ContactCenterAddressBookExport,
  ContactCenterAddressBookWithEntries,
  ContactCenterContactNumber,
  ContactCenterContactNumberExport,
  ContactCenterDialNumber,
  ContactCenterDialNumberExport,
  ContactCenterReference,
} from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({
  accessToken: 'type-tests',
  baseUrl: 'http://127.0.0.1:9',
  contactCenter: { baseUrl: 'http://127.0.0.1:9' },
});
const org = '2f0c5a9e-7d41-4c6b-9e3a-51b8d0e4f7a2';
const bookId = 'a4c6e8f0-2b3d-4f5a-8c7e-9d1f3a5c7e90';

describe('contact center address books, contact numbers and dial numbers: create/update types', () => {
  it('contactCenter.addressBooks: the book alone (create, update) and with its entries (createV1, updateV1)', () => {
    const books = webex.contactCenter.addressBooks;
    const book = { name: 'Madrid contacts', parentType: 'SITE', siteId: 'site' } as const;
    const { parentType: _parentType, ...noParentType } = book;
    const entry = { name: 'IT help desk', number: '+34910000222' };
    if (false as boolean) {
      void books.create(org, book);
      void books.update(org, bookId, { ...book, version: 2, description: 'Numbers Madrid agents dial most' });
      void books.createV1(org, { ...book, addressBookEntries: [entry] });
      void books.updateV1(org, bookId, { ...book, version: 3, addressBookEntries: [{ ...entry, version: 1 }] });
      void books.list(org, { search: 'madrid', page: 0, pageSize: 50 });
      // @ts-expect-error missing: an address book says what it belongs to (`parentType`)
      void books.create(org, noParentType);
      // @ts-expect-error enum: a `parentType` is ORGANIZATION or SITE
      void books.create(org, { ...book, parentType: 'TEAM' });
      // @ts-expect-error type: `version` is a number
      void books.update(org, bookId, { ...book, version: '2' });
      // @ts-expect-error missing: each entry of `addressBookEntries` needs its `number`
      void books.createV1(org, { ...book, addressBookEntries: [{ name: 'IT help desk' }] });
      // @ts-expect-error R4: `pageSize` counts, so it is a number, not a string
      void books.listV2(org, { pageSize: '100' });
    }
    expect(books.create).toBeTypeOf('function');
    expect(books.update).toBeTypeOf('function');
    expect(books.createV1).toBeTypeOf('function');
    expect(books.updateV1).toBeTypeOf('function');
  });

  it('contactCenter.addressBooks: entries (createEntry, updateEntry, bulkSaveEntries)', () => {
    const books = webex.contactCenter.addressBooks;
    const entry = { name: 'IT help desk', number: '+34910000222' };
    if (false as boolean) {
      void books.createEntry(org, bookId, entry);
      void books.updateEntry(org, bookId, 'entry', { ...entry, version: 1 });
      void books.bulkSaveEntries(org, bookId, { items: [{ itemIdentifier: 1, item: entry, requestAction: 'SAVE' }] });
      void books.listEntries(org, bookId, { search: 'help' });
      // @ts-expect-error missing: an entry needs its `name`
      void books.createEntry(org, bookId, { number: '+34910000222' });
      // @ts-expect-error type: `number` is text (digits, `+`), not a number
      void books.updateEntry(org, bookId, 'entry', { ...entry, number: 34910000222 });
      // @ts-expect-error type: `itemIdentifier` is a number
      void books.bulkSaveEntries(org, bookId, { items: [{ itemIdentifier: '1', item: entry }] });
    }
    expect(books.createEntry).toBeTypeOf('function');
    expect(books.updateEntry).toBeTypeOf('function');
    expect(books.bulkSaveEntries).toBeTypeOf('function');
  });

  it('contactCenter.contactNumbers.create, update and bulkSave', () => {
    const numbers = webex.contactCenter.contactNumbers;
    const contactNumber = { number: '+34910000300' };
    if (false as boolean) {
      void numbers.create(org, contactNumber);
      void numbers.update(org, 'id', { ...contactNumber, version: 1 });
      void numbers.bulkSave(org, { items: [{ itemIdentifier: 1, item: contactNumber, requestAction: 'SAVE' }] });
      // @ts-expect-error missing: `number` is required
      void numbers.create(org, { version: 0 });
      // @ts-expect-error type: `number` is text, not a number
      void numbers.update(org, 'id', { number: 34910000300 });
      // @ts-expect-error missing: a bulk item's contact number still needs its `number`
      void numbers.bulkSave(org, { items: [{ itemIdentifier: 1, item: { version: 1 } }] });
    }
    expect(numbers.create).toBeTypeOf('function');
    expect(numbers.update).toBeTypeOf('function');
    expect(numbers.bulkSave).toBeTypeOf('function');
  });

  it('contactCenter.dialNumbers.create, update and bulkSave', () => {
    const dialNumbers = webex.contactCenter.dialNumbers;
    const mapping = { dialledNumber: '+14085550100', entryPointId: 'ep', entryPointName: 'Sales line' };
    const { entryPointName: _entryPointName, ...noEntryPointName } = mapping;
    const { entryPointId: _entryPointId, ...noEntryPointId } = mapping;
    if (false as boolean) {
      void dialNumbers.create(org, { ...mapping, extension: '5100', defaultAni: false });
      void dialNumbers.update(org, 'id', { ...mapping, version: 2, location: 'San Jose' });
      void dialNumbers.bulkSave(org, { items: [{ itemIdentifier: 1, item: mapping, requestAction: 'SAVE' }] });
      void dialNumbers.list(org, { includeEntryPointName: true, page: 0, pageSize: 100 });
      // @ts-expect-error missing: the create request names the entry point (`entryPointName`) too
      void dialNumbers.create(org, noEntryPointName);
      // @ts-expect-error type: `defaultAni` is a boolean
      void dialNumbers.update(org, 'id', { ...mapping, defaultAni: 'true' });
      // @ts-expect-error missing: a bulk item's mapping still needs its `entryPointId`
      void dialNumbers.bulkSave(org, { items: [{ itemIdentifier: 1, item: noEntryPointId }] });
      // @ts-expect-error type: `includeEntryPointName` is a boolean
      void dialNumbers.listV2(org, { includeEntryPointName: 'yes' });
    }
    expect(dialNumbers.create).toBeTypeOf('function');
    expect(dialNumbers.update).toBeTypeOf('function');
    expect(dialNumbers.bulkSave).toBeTypeOf('function');
    expect(dialNumbers.deleteAll).toBeTypeOf('function');
  });

  it('listings iterate the items: the element of a bare array, or of the envelope data', () => {
    const { addressBooks, contactNumbers, dialNumbers } = webex.contactCenter;
    expectTypeOf(addressBooks.list(org).first()).resolves.toEqualTypeOf<ContactCenterAddressBook | undefined>();
    expectTypeOf(addressBooks.listV2(org).first()).resolves.toEqualTypeOf<
      ContactCenterAddressBookWithEntries | undefined
    >();
    expectTypeOf(addressBooks.listV1(org).first()).resolves.toEqualTypeOf<
      ContactCenterAddressBookWithEntries | undefined
    >();
    expectTypeOf(addressBooks.listEntries(org, bookId).first()).resolves.toEqualTypeOf<
      ContactCenterAddressBookEntry | undefined
    >();
    expectTypeOf(addressBooks.bulkExport(org).first()).resolves.toEqualTypeOf<
      ContactCenterAddressBookExport | undefined
    >();
    expectTypeOf(addressBooks.listReferences(org, bookId).first()).resolves.toEqualTypeOf<
      ContactCenterReference | undefined
    >();
    expectTypeOf(contactNumbers.list(org).first()).resolves.toEqualTypeOf<ContactCenterContactNumber | undefined>();
    expectTypeOf(contactNumbers.bulkExport(org).first()).resolves.toEqualTypeOf<
      ContactCenterContactNumberExport | undefined
    >();
    expectTypeOf(dialNumbers.list(org).first()).resolves.toEqualTypeOf<ContactCenterDialNumber | undefined>();
    expectTypeOf(dialNumbers.listV2(org).first()).resolves.toEqualTypeOf<ContactCenterDialNumber | undefined>();
    expectTypeOf(dialNumbers.listV1(org).first()).resolves.toEqualTypeOf<ContactCenterDialNumber | undefined>();
    expectTypeOf(dialNumbers.bulkExport(org).first()).resolves.toEqualTypeOf<
      ContactCenterDialNumberExport | undefined
    >();
  });

  it('the number-only listings answer whole arrays of strings, not pages', () => {
    const { contactNumbers, dialNumbers } = webex.contactCenter;
    expectTypeOf(contactNumbers.listNumbers(org)).resolves.toEqualTypeOf<string[]>();
    expectTypeOf(dialNumbers.listNumbers(org)).resolves.toEqualTypeOf<string[]>();
  });

  it('answers require what every entity has and leave the rest optional', () => {
    expectTypeOf<ContactCenterAddressBook['id']>().toEqualTypeOf<string>();
    expectTypeOf<ContactCenterAddressBook['parentType']>().toEqualTypeOf<'ORGANIZATION' | 'SITE'>();
    expectTypeOf<ContactCenterAddressBookEntry['number']>().toEqualTypeOf<string>();
    expectTypeOf<ContactCenterDialNumber['entryPointId']>().toEqualTypeOf<string>();
    // Listings give the entry point's name only when asked (`includeEntryPointName`).
    expectTypeOf<ContactCenterDialNumber['entryPointName']>().toEqualTypeOf<string | undefined>();
  });
});
