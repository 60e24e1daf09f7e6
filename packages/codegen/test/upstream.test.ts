import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { main } from '../src/cli.js';
import { generate, type Layout } from '../src/index.js';
import { compareUpstream, type Difference, type UpstreamResult } from '../src/spec-tools/upstream/index.js';
import { enumValues, mediaBase } from '../src/spec-tools/upstream/document.js';
import { fieldsOf, normalisePath } from '../src/spec-tools/upstream/shape.js';
import { areaOf } from '../src/spec-tools/upstream/public-documents.js';
import { kebabCase } from '../src/spec-tools/upstream/scaffold.js';

const fixtures = new URL('./upstream/', import.meta.url).pathname;
const repo = join(fixtures, 'repo');
const rootFile = join(repo, 'specs/webex.yaml');
const identical = join(fixtures, 'identical.json');
const drifted = join(fixtures, 'drifted.yaml');
const layout: Layout = {
  specs: 'specs/webex.yaml',
  modelsGen: 'out/models',
  clientGen: 'out/client',
  modelsPackage: '@webex-ts/models',
};

type Doc = Record<string, any>;
const tmp = () => mkdtempSync(join(tmpdir(), 'codegen-upstream-'));

/** The identical document with an edit applied, written to a temporary file. */
function edited(edit: (doc: Doc) => void): string {
  const doc = JSON.parse(readFileSync(identical, 'utf8')) as Doc;
  edit(doc);
  const file = join(tmp(), 'webex-messaging.json');
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

/** Every difference of the result, as `METHOD /path` → differences, plus the operations on one side only. */
function summary(result: UpstreamResult) {
  return {
    onlyUpstream: result.resources.flatMap((r) => r.onlyUpstream.map((o) => `${r.resource}: ${o.method} ${o.path}`)),
    onlyOurs: result.resources.flatMap((r) => r.onlyOurs.map((o) => `${r.resource}: ${o.method} ${o.path}`)),
    changed: Object.fromEntries(
      result.resources.flatMap((r) => r.changed.map((c) => [`${c.method} ${c.path}`, c.differences])),
    ),
  };
}

describe('upstream: comparing one change at a time', () => {
  const none = { onlyUpstream: [], onlyOurs: [], changed: {} };
  it.each<[string, (doc: Doc) => void, Partial<ReturnType<typeof summary>>]>([
    ['identical', () => {}, {}],
    [
      'an operation only upstream',
      (doc) => {
        doc.paths['/rooms/{roomId}/meetingInfo'] = {
          get: {
            tags: ['Rooms'],
            summary: 'Get Room Meeting Details',
            parameters: [{ name: 'roomId', in: 'path', required: true, schema: { type: 'string' } }],
            responses: { 200: { description: 'OK' } },
          },
        };
      },
      { onlyUpstream: ['Rooms: GET /rooms/{roomId}/meetingInfo'] },
    ],
    [
      'an operation only ours',
      (doc) => delete doc.paths['/rooms/{roomId}'].delete,
      { onlyOurs: ['Rooms: DELETE /rooms/{roomId}'] },
    ],
    [
      'a query parameter missing in ours',
      (doc) => doc.paths['/v1/rooms/'].get.parameters.push({ name: 'teamId', in: 'query', schema: { type: 'string' } }),
      { changed: { 'GET /rooms': [{ kind: 'only-upstream', where: 'query', name: 'teamId', required: false }] } },
    ],
    [
      'a query parameter missing upstream',
      (doc) => doc.paths['/v1/rooms/'].get.parameters.pop(),
      { changed: { 'GET /rooms': [{ kind: 'only-ours', where: 'query', name: 'max', required: false }] } },
    ],
    [
      'a field type change (reported where each operation returns it)',
      (doc) => (doc.components.schemas.Room.properties.isLocked = { type: 'string' }),
      {
        changed: {
          'GET /rooms': [
            { kind: 'type', where: 'response', name: 'items[].isLocked', ours: 'boolean', upstream: 'string' },
          ],
          'POST /rooms': [{ kind: 'type', where: 'response', name: 'isLocked', ours: 'boolean', upstream: 'string' }],
          'GET /rooms/{roomId}': [
            { kind: 'type', where: 'response', name: 'isLocked', ours: 'boolean', upstream: 'string' },
          ],
        },
      },
    ],
    [
      'an enum difference (upstream writes enums as { Members: [...] })',
      (doc) => (doc.paths['/v1/rooms/'].get.parameters[0].schema.enum = { Members: ['group', 'space'] }),
      {
        changed: {
          'GET /rooms': [{ kind: 'enum', where: 'query', name: 'type', onlyOurs: ['direct'], onlyUpstream: ['space'] }],
        },
      },
    ],
    [
      'a required-flag difference',
      (doc) =>
        doc.paths['/v1/rooms/'].post.requestBody.content['application/json;charset=UTF-8'].schema.required.push(
          'teamId',
        ),
      {
        changed: {
          'POST /rooms': [{ kind: 'required', where: 'request', name: 'teamId', ours: false, upstream: true }],
        },
      },
    ],
    [
      'a nested response field only upstream, reported once with what is under it',
      (doc) =>
        (doc.components.schemas.Room.properties.creator.properties.org = {
          type: 'object',
          properties: { id: { type: 'string' } },
        }),
      {
        changed: {
          'GET /rooms': [{ kind: 'only-upstream', where: 'response', name: 'items[].creator.org', required: false }],
          'POST /rooms': [{ kind: 'only-upstream', where: 'response', name: 'creator.org', required: false }],
          'GET /rooms/{roomId}': [{ kind: 'only-upstream', where: 'response', name: 'creator.org', required: false }],
        },
      },
    ],
    [
      'path parameter names',
      (doc) => {
        doc.paths['/rooms/{id}'] = doc.paths['/rooms/{roomId}'];
        doc.paths['/rooms/{id}'].parameters[0].name = 'id';
        delete doc.paths['/rooms/{roomId}'];
      },
      {
        changed: {
          'GET /rooms/{roomId}': [{ kind: 'path-names', ours: '/rooms/{roomId}', upstream: '/rooms/{id}' }],
          'DELETE /rooms/{roomId}': [{ kind: 'path-names', ours: '/rooms/{roomId}', upstream: '/rooms/{id}' }],
        },
      },
    ],
  ])('%s', (_name, edit, expected) => {
    const { result } = compareUpstream(rootFile, [edited(edit)]);
    expect(summary(result)).toEqual({ ...none, ...expected });
  });
});

describe('upstream: a document that moved in every way', () => {
  const { result } = compareUpstream(rootFile, [drifted]);
  const differences = (key: string): Difference[] => summary(result).changed[key] ?? [];

  it('counts what differs, per resource', () => {
    expect(result.counts).toEqual({
      resources: 2,
      onlyUpstream: 3,
      onlyOurs: 1,
      differences: 14,
      matched: 3,
      notCompared: 0,
    });
    expect(result.resources.map((r) => [r.resource, r.files])).toEqual([
      ['Room Tabs', []],
      ['Rooms', ['messaging/rooms']],
    ]);
  });

  it('follows $refs, and a schema holding itself once', () => {
    expect(differences('GET /rooms/{roomId}')).toEqual([
      { kind: 'path-names', ours: '/rooms/{roomId}', upstream: '/rooms/{id}' },
      { kind: 'summary', ours: 'Get a room', upstream: 'Get Room Details' },
      { kind: 'only-upstream', where: 'response', name: 'creator.email', required: false },
      { kind: 'type', where: 'response', name: 'isLocked', ours: 'boolean', upstream: 'string' },
      { kind: 'only-upstream', where: 'response', name: 'parent', required: false },
    ]);
  });

  it('prints a readable report: counts first, then each resource', async () => {
    const { out, code } = await run(['upstream', drifted, '--root', repo]);
    expect(code).toBe(1);
    const text = out.join('\n');
    expect(text).toContain(
      '**2 resources differ**: 3 operations only upstream, 1 only ours, 14 differences in 3 of the 3 operations both have.',
    );
    expect(text.indexOf('**2 resources differ**')).toBeLessThan(text.indexOf('## Room Tabs'));
    expect(text).toContain('## Rooms (messaging/rooms.yaml): 1 only upstream, 1 only ours, 14 differences');
    expect(text).toContain('  - summary: ours "Get a room", upstream "Get Room Details"');
    expect(text).toContain('- only upstream: `GET /rooms/{roomId}/meetingInfo` Get Room Meeting Details');
    expect(text).toContain('- only ours: `DELETE /rooms/{roomId}` (deleteRoom)');
    expect(text).toContain('  - query `type`: enum values only upstream "space"; only ours "direct"');
    expect(text).toContain('  - request `teamId`: optional in ours, required upstream');
    expect(text).toContain('  - response `items[].isLocked`: type `boolean` in ours, `string` upstream');
  });
});

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((text: string) => void out.push(text));
  vi.spyOn(console, 'error').mockImplementation((text: string) => void err.push(text));
});
afterEach(() => vi.restoreAllMocks());

async function run(args: string[]) {
  const code = await main(args);
  return { code, out, err };
}

describe('upstream: command line', () => {
  it('exits 0 when our specs match', async () => {
    const { code } = await run(['upstream', identical, '--root', repo]);
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('No differences: the 4 operations both sides have match.');
  });

  it('prints the structured result with --json', async () => {
    const { code } = await run(['upstream', '--json', drifted, '--root', repo]);
    expect(code).toBe(1);
    expect(out).toHaveLength(1);
    const json = JSON.parse(out[0]!);
    expect(Object.keys(json)).toEqual(['same', 'specs', 'documents', 'counts', 'resources']);
    expect(json.same).toBe(false);
    expect(json.documents).toEqual([{ file: drifted, title: 'Webex Messaging', operations: 6 }]);
    const rooms = json.resources.find((r: { resource: string }) => r.resource === 'Rooms');
    expect(Object.keys(rooms)).toEqual(['resource', 'files', 'onlyUpstream', 'onlyOurs', 'changed']);
    expect(rooms.onlyUpstream).toEqual([
      {
        method: 'GET',
        path: '/rooms/{roomId}/meetingInfo',
        operationId: 'Get Room Meeting Details',
        summary: 'Get Room Meeting Details',
        document: drifted,
      },
    ]);
    expect(rooms.onlyOurs).toEqual([
      {
        method: 'DELETE',
        path: '/rooms/{roomId}',
        operationId: 'deleteRoom',
        summary: 'Delete a room',
        file: 'messaging/rooms',
      },
    ]);
    expect(rooms.changed[0]).toMatchObject({
      method: 'GET',
      path: '/rooms',
      upstreamPath: '/rooms',
      operationId: 'listRooms',
      document: drifted,
      file: 'messaging/rooms',
    });

    out.length = 0;
    expect(await main(['upstream', '--json', identical, '--root', repo])).toBe(0);
    expect(JSON.parse(out[0]!)).toMatchObject({
      same: true,
      counts: { onlyUpstream: 0, onlyOurs: 0, differences: 0, matched: 4 },
      resources: [],
    });
  });

  it.each([
    ['a missing file', 'bad/missing.json', 'bad/missing.json: no such file'],
    ['a folder', 'bad', 'bad: is a folder, not a file'],
    [
      'not YAML',
      'bad/not-yaml.yaml',
      'bad/not-yaml.yaml: not valid YAML (Implicit keys of flow sequence pairs need to be on a single line at line 3, column 12)',
    ],
    ['broken JSON', 'bad/broken.json', 'bad/broken.json: not valid JSON ('],
    [
      'YAML but not OpenAPI',
      'bad/not-openapi.yaml',
      'bad/not-openapi.yaml: not an OpenAPI 3 document (no openapi field)',
    ],
    ['Swagger 2', 'bad/swagger.json', 'bad/swagger.json: is Swagger 2.0, not OpenAPI 3'],
  ])('exits 2 with a one-line message for %s', async (_name, file, message) => {
    const { code } = await run(['upstream', identical, join(fixtures, file), '--root', repo]);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).not.toContain('\n');
    expect(err[0]).toContain(`webex-codegen upstream: ${join(fixtures, message.split(':')[0]!)}:`);
    expect(err[0]).toContain(message.slice(message.indexOf(':')));
    expect(err[0]).toMatch(/expected a single-file OpenAPI 3 document/);
  });

  it('exits 2 without a document, or without our specs', async () => {
    expect(await main(['upstream', '--root', repo])).toBe(2);
    expect(err[0]).toMatch(/^upstream takes one or more official Webex OpenAPI documents/);
    expect(await main(['upstream', identical, '--root', fixtures])).toBe(2);
    expect(err[1]).toMatch(/no specs\/webex\.yaml under .*; run it in the repository or give --root/);
    expect(await main(['diff', 'a', 'b', '--scaffold'])).toBe(2);
  });

  it('exits 2 when our specs do not bundle', async () => {
    const root = tmp();
    cpSync(join(repo, 'specs'), join(root, 'specs'), { recursive: true });
    writeFileSync(join(root, 'specs/messaging/empty.yaml'), 'openapi: 3.1.0\ninfo: { title: Empty, version: 1.0.0 }\n');
    expect(await main(['upstream', identical, '--root', root])).toBe(2);
    expect(err).toEqual([
      'webex-codegen upstream: our specs (specs/webex.yaml) do not bundle: messaging/empty.yaml has no paths: a resource file describes operations; shared pieces go in components/',
    ]);
  });
});

describe('upstream: --scaffold', () => {
  it('drafts the operations only upstream has, and the generator accepts the draft', async () => {
    const root = tmp();
    cpSync(join(repo, 'specs'), join(root, 'specs'), { recursive: true });
    const before = readFileSync(join(root, 'specs/messaging/rooms.yaml'), 'utf8');

    const { code } = await run(['upstream', drifted, '--root', root, '--scaffold']);
    expect(code).toBe(1);
    expect(out.slice(-3)).toEqual([
      `webex-codegen upstream: drafted 2 operations in ${join(root, 'specs/messaging/room-tabs.yaml')} (new file)`,
      `webex-codegen upstream: drafted 1 operation in ${join(root, 'specs/messaging/rooms.yaml')}`,
      'Curate each x-draft operation (summary, descriptions, examples, paging, required flags, method names): webex-codegen curation lists what is left; then pnpm generate.',
    ]);

    // Into our file: appended under paths (and the schema under components), the rest byte for byte.
    const rooms = readFileSync(join(root, 'specs/messaging/rooms.yaml'), 'utf8');
    const pathsEnd = before.indexOf('components:');
    expect(rooms.startsWith(before.slice(0, pathsEnd).trimEnd())).toBe(true);
    const drafted = parse(rooms).paths['/rooms/{roomId}/meetingInfo'].get;
    expect(drafted).toMatchObject({
      operationId: 'getRoomMeetingDetails',
      // The resource's own word (room) and a trailing "details" left out.
      'x-sdk-method': 'getMeeting',
      'x-draft': true,
      tags: ['Rooms'],
      summary: 'Get Room Meeting Details',
      // Upstream's prose is not copied: a person writes ours.
      description: '',
    });
    expect(drafted['x-curation']).toBeUndefined();
    expect(drafted.responses['200'].content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/RoomsRoomMeetingDetails' } },
    });
    expect(parse(rooms).components.schemas.RoomsRoomMeetingDetails.properties.meetingLink).toEqual({ type: 'string' });

    // A new file for a tag none of ours holds, in the area the document's title names.
    const tabs = parse(readFileSync(join(root, 'specs/messaging/room-tabs.yaml'), 'utf8'));
    expect(tabs.tags).toEqual([{ name: 'Room Tabs', description: '' }]);
    expect(Object.keys(tabs.paths)).toEqual(['/room/tabs']);
    expect([tabs.paths['/room/tabs'].get['x-sdk-method'], tabs.paths['/room/tabs'].post['x-sdk-method']]).toEqual([
      'list',
      'create',
    ]);
    expect(tabs.components.schemas.RoomTabsRoomTab.properties.roomType.enum).toEqual(['direct', 'group']);
    expect(tabs.components.schemas.RoomTabsRoomTab.properties.previous).toEqual({
      $ref: '#/components/schemas/RoomTabsRoomTab',
    });

    const files = await generate(root, layout);
    expect(files.get('out/client/resources/room-tabs.gen.ts')).toMatch(
      /^ {2}list\(query: RoomTabsListQuery, options\?: RequestOptions\): Paginated<RoomTabsRoomTab>/m,
    );
    expect(files.get('out/client/resources/room-tabs.gen.ts')).toMatch(
      /^ {2}create\(body: RoomTabsRoomTab, options\?: RequestOptions\): Promise<RoomTabsRoomTab>/m,
    );
    expect(files.get('out/client/resources/rooms.gen.ts')).toMatch(
      /^ {2}getMeeting\(roomId: string, options\?: RequestOptions\): Promise<RoomsRoomMeetingDetails>/m,
    );

    // Compared again, nothing is only upstream any more.
    expect(compareUpstream(join(root, 'specs/webex.yaml'), [drifted]).result.counts.onlyUpstream).toBe(0);
  });

  it('writes nothing when nothing is only upstream', async () => {
    const root = tmp();
    cpSync(join(repo, 'specs'), join(root, 'specs'), { recursive: true });
    expect(await main(['upstream', identical, '--root', root, '--scaffold'])).toBe(0);
    expect(out.at(-1)).toBe('webex-codegen upstream: no operation only upstream, nothing drafted');
    expect(readFileSync(join(root, 'specs/messaging/rooms.yaml'), 'utf8')).toBe(
      readFileSync(join(repo, 'specs/messaging/rooms.yaml'), 'utf8'),
    );
  });
});

describe('upstream: pieces', () => {
  it('tolerates the quirks of the official documents', () => {
    expect(enumValues({ enum: { Members: ['a', 'b'] } })).toEqual(['a', 'b']);
    expect(enumValues({ enum: ['a'] })).toEqual(['a']);
    expect(mediaBase('application/json;charset=UTF-8')).toBe('application/json');
    expect([normalisePath('/v1/rooms/'), normalisePath('/v1'), normalisePath('/rooms/{roomId}/')]).toEqual([
      '/rooms',
      '/',
      '/rooms/{roomId}',
    ]);
  });

  it('follows a schema that holds itself once per branch', () => {
    const doc = {
      components: {
        schemas: {
          Folder: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              children: { type: 'array', items: { $ref: '#/components/schemas/Folder' } },
            },
          },
        },
      },
    };
    const fields = fieldsOf(doc, { $ref: '#/components/schemas/Folder' }, false);
    expect([...fields.keys()]).toEqual(['', 'name', 'children', 'children[]']);
  });

  it('compares an operation found in several documents once, with the first', () => {
    const second = edited((doc) => (doc.components.schemas.Room.properties.isLocked = { type: 'string' }));
    expect(compareUpstream(rootFile, [identical, second]).result.counts.differences).toBe(0);
    expect(compareUpstream(rootFile, [second, identical]).result.counts.differences).toBe(3);
  });

  it('names areas and files after the document and the tag', () => {
    expect(
      [
        'Webex Meetings',
        'Webex Device APIs',
        'Webex Admin',
        'Webex Messaging',
        'Webex Contact Center',
        'Webex Wholesale',
        'Webex for BroadWorks',
        'Webex UCM',
        'Something else',
      ].map((title) => areaOf(title)),
    ).toEqual([
      'meetings',
      'devices',
      'admin',
      'messaging',
      'contact-center',
      'wholesale',
      'broadworks',
      'ucm',
      'admin',
    ]);
    expect(areaOf('Webex APIs', '/tmp/webex-contact-center.json')).toBe('contact-center');
    expect(kebabCase('API - Domain Management')).toBe('api-domain-management');
  });
});
