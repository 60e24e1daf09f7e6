// The rules validateSpecs enforces on resource files (specs/README.md), each refused with a SpecError naming the
// spec file, the operation and the setting.
import { describe, expect, it } from 'vitest';
import { validateSpecs } from '../../src/ir/validate.js';
import { SpecError } from '../../src/load/bundle.js';
import { bundleOf, resourceFile } from '../spec-files.js';

const LIST =
  '{ type: object, properties: { items: { type: array, items: { type: string } }, Resources: { type: array, items: { type: string } } } }';

/** `a/things.yaml` with one GET list operation (`opthings`) that pages as given, with these query parameters. */
function pagedFile(paging: string, queryNames: string[] = []): Record<string, string> {
  const parameters = queryNames.map((n) => `{ name: ${n}, in: query, schema: { type: integer } }`).join(', ');
  return {
    'a/things.yaml': resourceFile('/things', {
      operation: ['x-sdk-method: list', `x-sdk-paging: ${paging}`, `parameters: [${parameters}]`],
      answer: LIST,
    }),
  };
}

const check = (files: Record<string, string>) => validateSpecs(bundleOf(files));

/** Expects a SpecError with exactly this message. */
function refuses(files: Record<string, string>, message: string | RegExp): void {
  expect(() => check(files)).toThrow(
    expect.objectContaining({
      name: SpecError.name,
      message: typeof message === 'string' ? message : expect.stringMatching(message),
    }),
  );
}

describe('x-sdk-paging', () => {
  it.each([
    ['link', [], { strategy: 'link', items: 'items' }],
    ['none', [], 'none'],
    [
      '{ strategy: offset, offset: start }',
      ['start', 'max'],
      { strategy: 'offset', offset: 'start', limit: 'max', items: 'items' },
    ],
    ['{ strategy: offset }', ['offset'], { strategy: 'offset', offset: 'offset', limit: 'max', items: 'items' }],
    [
      '{ strategy: scim }',
      ['startIndex', 'count'],
      { strategy: 'scim', startIndex: 'startIndex', count: 'count', total: 'totalResults', items: 'Resources' },
    ],
    [
      '{ strategy: page, items: items }',
      ['page'],
      {
        strategy: 'page',
        page: 'page',
        pageSize: 'pageSize',
        items: 'items',
        totalPages: 'meta.totalPages',
        totalRecords: 'meta.totalRecords',
      },
    ],
    [
      '{ strategy: page, page: p, pageSize: size, items: Resources, totalRecords: items }',
      ['p', 'size'],
      {
        strategy: 'page',
        page: 'p',
        pageSize: 'size',
        items: 'Resources',
        totalPages: 'meta.totalPages',
        totalRecords: 'items',
      },
    ],
  ])('%s pages with the names it gives, the rest from its strategy', (paging, names, want) => {
    const read = check(pagedFile(paging, names)).operations[0]!.paging;
    expect(read).toEqual(want);
    // In this order: the strategy, then the names as its defaults list them (the generated code prints them so).
    expect(JSON.stringify(read)).toBe(JSON.stringify(want));
  });

  it('is undefined where the operation says nothing', () => {
    const files = { 'a/things.yaml': resourceFile('/things', {}) };
    expect(check(files).operations[0]!.paging).toBeUndefined();
  });

  it.each([
    ['5', 'must be link, offset, scim, page or none (got 5)'],
    ['[link]', 'must be link, offset, scim, page or none (got ["link"])'],
    ['~', 'must be link, offset, scim, page or none (got null)'],
    ['cursor', 'must be link, offset, scim, page or none (got "cursor")'],
    ['{ strategy: toString }', 'must be link, offset, scim, page or none (got {"strategy":"toString"})'],
    ['{ strategy: offset, offset: 5 }', 'offset must be a name (got 5)'],
    ['{ strategy: link, offset: start }', 'has no setting "offset" for link paging'],
    [
      '{ strategy: offset, offset: start }',
      'names the query parameter "start" (offset), which the operation does not declare',
    ],
    [
      '{ strategy: scim, count: size }',
      'names the query parameter "startIndex" (startIndex), which the operation does not declare',
    ],
    ['{ strategy: link, items: things }', 'names the items field "things", which is not an array in the answer'],
    ['{ strategy: page, offset: start }', 'has no setting "offset" for page paging'],
    [
      '{ strategy: page, items: items }',
      'names the query parameter "page" (page), which the operation does not declare',
    ],
  ])('refuses %s, naming the file and operation', (paging, problem) => {
    refuses(pagedFile(paging), `a/things.yaml (opthings): x-sdk-paging ${problem}`);
  });

  it('pages by page number over an answer that is the array itself when it names no items field', () => {
    const files = {
      'a/things.yaml': resourceFile('/things', {
        operation: [
          'x-sdk-method: list',
          'x-sdk-paging: { strategy: page }',
          'parameters: [{ name: page, in: query, schema: { type: integer } }]',
        ],
        answer: '{ type: array, items: { type: string } }',
      }),
    };
    expect(JSON.stringify(check(files).operations[0]!.paging)).toBe(
      '{"strategy":"page","page":"page","pageSize":"pageSize","totalPages":"meta.totalPages","totalRecords":"meta.totalRecords"}',
    );
  });

  it.each([
    [
      'an answer that is no array, without an items field',
      '{ strategy: page }',
      'names no items field, so the answer must be an array; name the field that holds the items (items: data)',
    ],
    [
      'a total that is no field of the answer',
      '{ strategy: page, items: items, totalPages: meta.pages }',
      'names the total "meta.pages" (totalPages), which is not a field of the answer',
    ],
  ])('refuses page paging with %s', (_, paging, problem) => {
    const files = {
      'a/things.yaml': resourceFile('/things', {
        operation: [
          'x-sdk-method: list',
          `x-sdk-paging: ${paging}`,
          'parameters: [{ name: page, in: query, schema: { type: integer } }]',
        ],
        answer: LIST,
      }),
    };
    refuses(files, `a/things.yaml (opthings): x-sdk-paging ${problem}`);
  });

  it('refuses paging on an operation that is not a GET: it would be ignored', () => {
    const files = {
      'a/things.yaml': resourceFile('/things', { operation: ['x-sdk-method: list', 'x-sdk-paging: link'] }).replace(
        '    get:',
        '    post:',
      ),
    };
    refuses(files, 'a/things.yaml (opthings): x-sdk-paging is for GET operations, which list (this is a POST)');
  });

  it('refuses paging on an operation answering plain text', () => {
    const files = {
      'a/things.yaml': resourceFile('/things', { operation: ['x-sdk-method: list', 'x-sdk-paging: link'] }).replace(
        'application/json',
        'text/plain',
      ),
    };
    refuses(files, /x-sdk-paging names the items field "items", which is not an array in the answer$/);
  });
});

describe('resources', () => {
  it('puts a dotted x-sdk-resource under a namespace, and labels methods by where they are reached', () => {
    const spec = check({ 'a/scim-users.yaml': resourceFile('/Users', { extra: 'x-sdk-resource: scim.users\n' }) });
    expect(spec.resources).toEqual([{ name: 'scim-users', property: ['scim', 'users'], source: 'a/scim-users' }]);
    expect(spec.operations[0]).toMatchObject({ label: 'scim.users.list', method: 'list', operationId: 'opUsers' });
  });

  it('takes the file name in camel case without x-sdk-resource', () => {
    const spec = check({ 'a/team-memberships.yaml': resourceFile('/team/memberships', {}) });
    expect(spec.resources[0]!.property).toEqual(['teamMemberships']);
  });

  it('puts a resource under namespaces of any depth', () => {
    const spec = check({
      'calling/calling-people-call-forwarding.yaml': resourceFile('/people/{personId}/features/callForwarding', {
        extra: 'x-sdk-resource: calling.people.callForwarding\n',
      }),
      'calling/calling-call-queues.yaml': resourceFile('/telephony/config/queues', {
        extra: 'x-sdk-resource: calling.callQueues\n',
      }),
    });
    expect(spec.resources.map((r) => r.property)).toEqual(
      expect.arrayContaining([
        ['calling', 'people', 'callForwarding'],
        ['calling', 'callQueues'],
      ]),
    );
    expect(spec.operations.map((op) => op.label).sort()).toEqual([
      'calling.callQueues.list',
      'calling.people.callForwarding.list',
    ]);
  });

  it.each([
    ['x-sdk-resource: Scim\n', '"Scim"'],
    ['x-sdk-resource: a..b\n', '"a..b"'],
    ['x-sdk-resource: a.B.c\n', '"a.B.c"'],
    ['x-sdk-resource: a.b.\n', '"a.b."'],
    ['x-sdk-resource: 5\n', '5'],
  ])('refuses x-sdk-resource %j', (extra, got) => {
    refuses(
      { 'a/things.yaml': resourceFile('/things', { extra }) },
      `a/things.yaml: x-sdk-resource must be a camelCase name, or a dotted path of them (namespace.name, calling.people.name) (got ${got})`,
    );
  });

  it.each([
    ['a namespace above it', 'calling.virtualLines', 'calling.virtualLines.callForwarding'],
    ['a namespace below it', 'calling.virtualLines.callForwarding', 'calling.virtualLines'],
    ['a namespace at the root', 'scim', 'scim.users'],
  ])('accepts a resource that is %s too, its methods and its sub-resources side by side', (_name, first, second) => {
    const spec = check({
      'a/one.yaml': resourceFile('/one', { extra: `x-sdk-resource: ${first}\n` }),
      'a/two.yaml': resourceFile('/two', { extra: `x-sdk-resource: ${second}\n`, operation: ['x-sdk-method: get'] }),
    });
    expect(spec.operations.map((op) => op.label).sort()).toEqual([`${first}.list`, `${second}.get`].sort());
  });

  it('refuses two resources at one place, naming both files', () => {
    const files = {
      'calling/calling-one.yaml': resourceFile('/one', { extra: 'x-sdk-resource: calling.me.callForwarding\n' }),
      // Another method, so that two resources at one place are not first told their methods clash.
      'calling/calling-two.yaml': resourceFile('/two', {
        extra: 'x-sdk-resource: calling.me.callForwarding\n',
        operation: ['x-sdk-method: get'],
      }),
    };
    refuses(
      files,
      /^webex\.calling\.me\.callForwarding is the resource of both calling\/calling-(one|two)\.yaml and calling\/calling-(one|two)\.yaml; give one of them another x-sdk-resource$/,
    );
    expect(() => check(files)).toThrow(/calling-one\.yaml.*calling-two\.yaml|calling-two\.yaml.*calling-one\.yaml/);
  });

  it.each([
    ['resource', 'calling.virtualLines.devices'],
    ['namespace', 'calling.virtualLines.devices.settings'],
  ])('refuses a sub-%s named like a method of the resource above it', (kind, property) => {
    refuses(
      {
        'a/lines.yaml': resourceFile('/lines', {
          extra: 'x-sdk-resource: calling.virtualLines\n',
          operation: ['x-sdk-method: devices'],
        }),
        'a/line-devices.yaml': resourceFile('/devices', { extra: `x-sdk-resource: ${property}\n` }),
      },
      `webex.calling.virtualLines.devices is both a method of a/lines.yaml (oplines) and the ${kind} of a/line-devices.yaml; rename one of them`,
    );
  });

  it('refuses two spec files of the same name in different folders', () => {
    refuses(
      { 'a/things.yaml': resourceFile('/things', {}), 'b/things.yaml': resourceFile('/other/things', {}) },
      "a/things.yaml and b/things.yaml have the same name: a resource's file name must be unique",
    );
  });
});

describe('operations', () => {
  it.each([
    ['none', 'operation: []', 'x-sdk-method must name the method in camelCase (got undefined)'],
    ['a PascalCase one', 'x-sdk-method: List', 'x-sdk-method must name the method in camelCase (got "List")'],
  ])('refuses %s x-sdk-method', (_name, line, problem) => {
    const operation = line === 'operation: []' ? [] : [line];
    refuses({ 'a/things.yaml': resourceFile('/things', { operation }) }, `a/things.yaml (opthings): ${problem}`);
  });

  it('refuses two operations of a resource with the same method', () => {
    const file = resourceFile('/things', {}).replace(
      '  /things:',
      "  /things/all:\n    get:\n      operationId: allThings\n      x-sdk-method: list\n      responses: { '204': { description: ok } }\n  /things:",
    );
    refuses(
      { 'a/things.yaml': file },
      'a/things.yaml (allThings): x-sdk-method list is also the method of opthings (webex.things.list); a method name is unique within its resource',
    );
  });

  it('refuses an operation without an operationId, and an operationId used twice', () => {
    refuses(
      { 'a/things.yaml': resourceFile('/things', {}).replace('      operationId: opthings\n', '') },
      'a/things.yaml (GET /things): no operationId; every operation needs one, unique in the API',
    );
    refuses(
      {
        'a/things.yaml': resourceFile('/things', {}),
        'a/others.yaml': resourceFile('/others', {}).replace('opothers', 'opthings'),
      },
      'a/things.yaml (opthings): operationId opthings is also used by a/others.yaml (opthings)',
    );
  });

  it('leaves out hidden operations, and refuses an x-sdk-hidden that is not true or false', () => {
    const hidden = (value: string) => ({
      'a/things.yaml': resourceFile('/things', { operation: ['x-sdk-method: list', `x-sdk-hidden: ${value}`] }),
    });
    expect(check(hidden('true')).operations).toEqual([]);
    expect(check(hidden('false')).operations).toHaveLength(1);
    refuses(hidden('yes please'), 'a/things.yaml (opthings): x-sdk-hidden must be true or false (got "yes please")');
  });

  it.each([['check-message-create'], ['checkmessage'], ['messageCreate'], ['5']])(
    'refuses x-sdk-check %j: it names a check function of the client',
    (value) => {
      refuses(
        { 'a/things.yaml': resourceFile('/things', { operation: ['x-sdk-method: list', `x-sdk-check: ${value}`] }) },
        `a/things.yaml (opthings): x-sdk-check must name a check function of the client, checkSomething (got ${JSON.stringify(value === '5' ? 5 : value)})`,
      );
    },
  );

  it('refuses an x-sdk setting it does not know, rather than ignoring it', () => {
    refuses(
      { 'a/things.yaml': resourceFile('/things', { operation: ['x-sdk-method: list', 'x-sdk-pagnig: none'] }) },
      'a/things.yaml (opthings): x-sdk-pagnig is not a setting the generator knows here (those are x-sdk-method, x-sdk-paging, x-sdk-hidden, x-sdk-check)',
    );
    refuses(
      { 'a/things.yaml': resourceFile('/things', { extra: 'x-sdk-resouce: stuff\n' }) },
      'a/things.yaml: x-sdk-resouce is not a setting the generator knows here (those are x-sdk-resource, x-sdk-host, x-sdk-open-enums)',
    );
  });
});
