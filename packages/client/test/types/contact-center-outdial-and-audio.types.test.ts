// Hand-written type tests for the create, update and bulk methods of Contact Center's outdial ANIs (and their
// entries), dial plans, overrides and audio files, and for what their listings iterate. Each `@ts-expect-error` line
// makes exactly one mistake, so `tsc -p packages/client` fails if that mistake ever compiles. Each such call fits on
// one line, so formatting cannot move the error away from its directive. The calls sit behind `if (false as boolean)`:
// nothing is sent; at run time each test only checks that the façade wires the methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  ContactCenterAudioFile,
  ContactCenterDialPlan,
  ContactCenterDialPlanExport,
  ContactCenterOutdialAni,
  ContactCenterOutdialAniEntry,
  ContactCenterOutdialAniExport,
  ContactCenterOverrides,
  ContactCenterReference,
} from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({
  accessToken: 'type-tests',
  baseUrl: 'http://127.0.0.1:9',
  contactCenter: { baseUrl: 'http://127.0.0.1:9' },
});
const org = '2f0c5a9e-7d41-4c6b-9e3a-51b8d0e4f7a2';
const ani = '6f8b0d2c-4e1a-4b73-9c5e-7a9c1e3b5d20';

describe('contact center outdial ANIs, dial plans, overrides and audio files: create/update types', () => {
  it('contactCenter.outdialAnis.create, update, bulkSave and the entry methods', () => {
    const anis = webex.contactCenter.outdialAnis;
    const entry = { name: 'Madrid main line', number: '+34910000001', defaultANIEntry: true };
    const { number: _number, ...noNumber } = entry;
    const list = { name: 'Madrid outbound', outdialANIEntries: [entry] };
    if (false as boolean) {
      void anis.create(org, list);
      void anis.create(org, { name: 'Empty for now' });
      void anis.update(org, ani, { ...list, version: 2, description: 'Numbers Madrid agents show' });
      void anis.bulkSave(org, { items: [{ itemIdentifier: 1, item: list, requestAction: 'SAVE' }] });
      void anis.createEntry(org, ani, entry);
      void anis.updateEntry(org, ani, 'entry', { ...entry, version: 1, defaultANIEntry: false });
      void anis.bulkSaveEntries(org, ani, { items: [{ itemIdentifier: 1, item: entry }] });
      // @ts-expect-error missing: an outdial ANI list needs its `name`
      void anis.create(org, { outdialANIEntries: [entry] });
      // @ts-expect-error missing: every entry of the list has a `number`
      void anis.update(org, ani, { name: 'Madrid outbound', outdialANIEntries: [noNumber] });
      // @ts-expect-error type: `number` is text in E.164 form, not a number
      void anis.createEntry(org, ani, { ...entry, number: 34910000001 });
      // @ts-expect-error type: `defaultANIEntry` is a boolean
      void anis.updateEntry(org, ani, 'entry', { ...entry, defaultANIEntry: 'yes' });
      // @ts-expect-error missing: a bulk item's entry still needs its `name`
      void anis.bulkSaveEntries(org, ani, { items: [{ itemIdentifier: 1, item: { number: '+34910000002' } }] });
      // @ts-expect-error R4: `page` counts, so it is a number, not a string
      void anis.listEntries(org, ani, { page: '0' });
    }
    expect(anis.create).toBeTypeOf('function');
    expect(anis.update).toBeTypeOf('function');
    expect(anis.bulkSave).toBeTypeOf('function');
    expect(anis.createEntry).toBeTypeOf('function');
    expect(anis.updateEntry).toBeTypeOf('function');
    expect(anis.bulkSaveEntries).toBeTypeOf('function');
  });

  it('contactCenter.dialPlans.create, update and bulkSave', () => {
    const plans = webex.contactCenter.dialPlans;
    const plan = { name: 'US and Canada', regularExpression: '^\\+?1?[2-9]\\d{9}$', active: true };
    const { regularExpression: _regularExpression, ...noPattern } = plan;
    if (false as boolean) {
      void plans.create(org, { ...plan, prefix: '9', strippedChars: '()- ' });
      void plans.update(org, 'id', { ...plan, version: 3, description: 'North American numbers' });
      void plans.bulkSave(org, { items: [{ itemIdentifier: 1, item: plan, requestAction: 'SAVE' }] });
      // @ts-expect-error missing: a dial plan is its `regularExpression`
      void plans.create(org, noPattern);
      // @ts-expect-error type: `active` is a boolean
      void plans.update(org, 'id', { ...plan, active: 'true' });
      // @ts-expect-error missing: a bulk item's dial plan still needs `active`
      void plans.bulkSave(org, { items: [{ item: { name: 'UK', regularExpression: '^0\\d{10}$' } }] });
      // @ts-expect-error R4: `pageSize` counts, so it is a number, not a string
      void plans.listV1(org, { pageSize: '100' });
    }
    expect(plans.create).toBeTypeOf('function');
    expect(plans.update).toBeTypeOf('function');
    expect(plans.bulkSave).toBeTypeOf('function');
  });

  it('contactCenter.overrides.create, update and bulkSave', () => {
    const overrides = webex.contactCenter.overrides;
    const christmasEve = {
      name: 'Christmas Eve afternoon',
      startDateTime: '2025-12-24T14:00',
      endDateTime: '2025-12-24T23:59',
      workingHours: false,
      frequency: 'Yearly',
      recurrence: { interval: 1, specificDayOfMonth: 24, specificMonth: 'DEC' },
    } as const;
    const set = { name: 'Christmas week', timezone: 'Europe/Madrid', overrides: [christmasEve] };
    const { timezone: _timezone, ...noTimezone } = set;
    const longMonth = { interval: 1, specificMonth: 'December' };
    if (false as boolean) {
      void overrides.create(org, set);
      void overrides.update(org, 'id', { ...set, version: 1, description: 'Christmas Eve closes early' });
      void overrides.bulkSave(org, { items: [{ itemIdentifier: 1, item: set }] });
      void overrides.list(org, { includeLatestOverride: true, sort: 'name,asc' });
      // @ts-expect-error missing: the overrides' dates are read in the set's `timezone`
      void overrides.create(org, noTimezone);
      // @ts-expect-error enum: a `frequency` is DontRepeat, Daily, Weekly, Monthly or Yearly
      void overrides.create(org, { ...set, overrides: [{ ...christmasEve, frequency: 'Biweekly' }] });
      // @ts-expect-error enum: `specificMonth` is a three-letter code such as DEC
      void overrides.update(org, 'id', { ...set, latestOverride: { ...christmasEve, recurrence: longMonth } });
      // @ts-expect-error type: `workingHours` is a boolean (open or closed)
      void overrides.update(org, 'id', { ...set, overrides: [{ ...christmasEve, workingHours: 'closed' }] });
      // @ts-expect-error missing: a recurrence needs its `interval`
      void overrides.bulkSave(org, { items: [{ item: { ...set, overrides: [{ ...christmasEve, recurrence: {} }] } }] });
    }
    expect(overrides.create).toBeTypeOf('function');
    expect(overrides.update).toBeTypeOf('function');
    expect(overrides.bulkSave).toBeTypeOf('function');
  });

  it('contactCenter.audioFiles.create, update and updateDescription', () => {
    const audioFiles = webex.contactCenter.audioFiles;
    const audioFileInfo = { name: 'welcome-es.wav', contentType: 'AUDIO_WAV' } as const;
    const upload = { audioFileInfo, audioFile: new Blob(['RIFF....WAVEfmt '], { type: 'audio/wav' }) };
    if (false as boolean) {
      void audioFiles.create(org, upload);
      void audioFiles.update(org, 'id', { ...upload, audioFileInfo: { ...audioFileInfo, version: 0 } });
      void audioFiles.updateDescription(org, 'id', { description: 'Spanish greeting' });
      void audioFiles.get(org, 'id', { includeUrl: true });
      // @ts-expect-error missing: an upload carries the recording in `audioFile`
      void audioFiles.create(org, { audioFileInfo });
      // @ts-expect-error enum: `contentType` is Contact Center's AUDIO_WAV, not a MIME type
      void audioFiles.create(org, { ...upload, audioFileInfo: { ...audioFileInfo, contentType: 'audio/wav' } });
      // @ts-expect-error missing: `audioFileInfo` needs the file's `name`
      void audioFiles.update(org, 'id', { ...upload, audioFileInfo: { contentType: 'AUDIO_WAV' } });
      // @ts-expect-error type: `description` is text
      void audioFiles.updateDescription(org, 'id', { description: 42 });
    }
    expect(audioFiles.create).toBeTypeOf('function');
    expect(audioFiles.update).toBeTypeOf('function');
    expect(audioFiles.updateDescription).toBeTypeOf('function');
  });

  it('listings iterate the items: the element of a bare array, or of the envelope data', () => {
    const { outdialAnis, dialPlans, overrides, audioFiles } = webex.contactCenter;
    expectTypeOf(outdialAnis.listV1(org).first()).resolves.toEqualTypeOf<ContactCenterOutdialAni | undefined>();
    expectTypeOf(outdialAnis.list(org).first()).resolves.toEqualTypeOf<ContactCenterOutdialAni | undefined>();
    expectTypeOf(outdialAnis.bulkExport(org).first()).resolves.toEqualTypeOf<
      ContactCenterOutdialAniExport | undefined
    >();
    expectTypeOf(outdialAnis.listAllEntries(org).first()).resolves.toEqualTypeOf<
      ContactCenterOutdialAniEntry | undefined
    >();
    expectTypeOf(outdialAnis.listEntries(org, ani).first()).resolves.toEqualTypeOf<
      ContactCenterOutdialAniEntry | undefined
    >();
    expectTypeOf(dialPlans.listV1(org).first()).resolves.toEqualTypeOf<ContactCenterDialPlan | undefined>();
    expectTypeOf(dialPlans.list(org).first()).resolves.toEqualTypeOf<ContactCenterDialPlan | undefined>();
    expectTypeOf(dialPlans.bulkExport(org).first()).resolves.toEqualTypeOf<ContactCenterDialPlanExport | undefined>();
    expectTypeOf(overrides.listV1(org).first()).resolves.toEqualTypeOf<ContactCenterOverrides | undefined>();
    expectTypeOf(overrides.list(org).first()).resolves.toEqualTypeOf<ContactCenterOverrides | undefined>();
    expectTypeOf(audioFiles.list(org).first()).resolves.toEqualTypeOf<ContactCenterAudioFile | undefined>();
    expectTypeOf(audioFiles.listReferences(org, 'id').first()).resolves.toEqualTypeOf<
      ContactCenterReference | undefined
    >();
  });
});
