import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import type { Difference, UpstreamResult } from '../src/spec-tools/upstream/index.js';
import { ACCEPTED_FILE } from '../src/spec-tools/upstream/command.js';
import { compareUpstream, DIVERGENCE_RULES, readAcceptedDivergences } from '../src/spec-tools/upstream/index.js';

const fixtures = new URL('./upstream/', import.meta.url).pathname;
const repo = join(fixtures, 'repo');
const identical = join(fixtures, 'identical.json');

type Doc = Record<string, any>;
const tmp = () => mkdtempSync(join(tmpdir(), 'codegen-accepted-'));

/** The identical document with an edit applied, written to a temporary file. */
function upstreamWith(edit: (doc: Doc) => void): string {
  const doc = JSON.parse(readFileSync(identical, 'utf8')) as Doc;
  edit(doc);
  const file = join(tmp(), 'webex-messaging.json');
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

/** An accepted-divergences file with these rules and entries. */
function acceptedFile(content: { rules?: unknown[]; differences?: unknown[] } & Record<string, unknown>): string {
  const file = join(tmp(), 'upstream-accepted.json');
  writeFileSync(file, JSON.stringify(content, null, 2));
  return file;
}

/** A copy of the fixture repository whose Room says why its title is required. */
function repoWithEvidence(): string {
  const root = tmp();
  cpSync(join(repo, 'specs'), join(root, 'specs'), { recursive: true });
  const rooms = join(root, 'specs/messaging/rooms.yaml');
  const text = readFileSync(rooms, 'utf8');
  const evidenced = text.replace(
    '      required: [id, title]\n',
    '      required: [id, title]\n      x-required-because:\n        title: a room is shown by its title everywhere\n',
  );
  expect(evidenced).not.toBe(text);
  writeFileSync(rooms, evidenced);
  return root;
}

/** Every difference left in a result, one line each: `GET /rooms: required response items[].id`. */
function shown(result: UpstreamResult): string[] {
  return result.resources.flatMap((r) => [
    ...r.onlyUpstream.map((op) => `only upstream: ${op.method} ${op.path}`),
    ...r.onlyOurs.map((op) => `only ours: ${op.method} ${op.path}`),
    ...r.changed.flatMap((op) =>
      op.differences.map((d) => `${op.method} ${op.path}: ${d.kind} ${'where' in d ? `${d.where} ${d.name}` : ''}`),
    ),
  ]);
}

const noneRequired = (doc: Doc) => (doc.components.schemas.Room.required = []);
const reason = 'a reason';

describe('accepted divergences: rules', () => {
  it('R1 hides a required id that upstream leaves optional, and nothing else', () => {
    const file = upstreamWith(noneRequired);
    expect(shown(compareUpstream(join(repo, 'specs/webex.yaml'), [file]).result)).toHaveLength(6);
    const { result } = compareUpstream(join(repo, 'specs/webex.yaml'), [file], {
      accepted: acceptedFile({ rules: [{ rule: 'R1', reason }] }),
    });
    expect(shown(result)).toEqual([
      'GET /rooms: required response items[].title',
      'POST /rooms: required response title',
      'GET /rooms/{roomId}: required response title',
    ]);
    expect(result.accepted).toMatchObject({ hidden: 3, byRule: { R1: 3 }, byEntry: 0, unused: [] });
  });

  it('R2 hides a field we require with its evidence beside it; with R1 nothing new is left and the exit code is 0', async () => {
    const root = repoWithEvidence();
    const file = upstreamWith(noneRequired);
    const accepted = acceptedFile({
      rules: [
        { rule: 'R1', reason },
        { rule: 'R2', reason },
      ],
    });
    expect(await main(['upstream', file, '--root', root, '--accepted', accepted])).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('No new differences: the 4 operations both sides have match.');
    expect(text).toContain(`Accepted divergences (${accepted}): 6 differences not shown (3 by R1, 3 by R2).`);
    // Without the evidence, the same title is a difference again.
    expect(await main(['upstream', file, '--root', repo, '--accepted', accepted])).toBe(1);
  });

  it('a rule never hides a changed type or a new field, even on a field it covers', () => {
    const file = upstreamWith((doc) => {
      noneRequired(doc);
      doc.components.schemas.Room.properties.id = { type: 'integer' };
      doc.components.schemas.Room.properties.ownerId = { type: 'string' };
    });
    const { result } = compareUpstream(join(repoWithEvidence(), 'specs/webex.yaml'), [file], {
      accepted: acceptedFile({
        rules: DIVERGENCE_RULES.map((rule) => ({ rule: rule.id, reason })),
      }),
    });
    expect(shown(result)).toEqual([
      'GET /rooms: type response items[].id',
      'GET /rooms: only-upstream response items[].ownerId',
      'POST /rooms: type response id',
      'POST /rooms: only-upstream response ownerId',
      'GET /rooms/{roomId}: type response id',
      'GET /rooms/{roomId}: only-upstream response ownerId',
    ]);
  });

  it('R3 and R4 hide what they cover on the answer and the paging parameters, not the request', () => {
    const file = upstreamWith((doc) => {
      doc.components.schemas.Room.required.push('isLocked');
      doc.components.parameters.max.schema = { type: 'string' };
      doc.paths['/v1/rooms/'].post.requestBody.content['application/json;charset=UTF-8'].schema.required.push('teamId');
    });
    const rules = acceptedFile({
      rules: [
        { rule: 'R3', reason },
        { rule: 'R4', reason },
      ],
    });
    const { result } = compareUpstream(join(repo, 'specs/webex.yaml'), [file], { accepted: rules });
    expect(shown(result)).toEqual(['POST /rooms: required request teamId']);
    expect(result.accepted?.byRule).toEqual({ R3: 3, R4: 1 });
  });

  it.each<[string, Difference, string | undefined]>([
    ['R1: id', { kind: 'required', where: 'response', name: 'items[].id', ours: true, upstream: false }, 'R1'],
    ['R1: created', { kind: 'required', where: 'response', name: 'created', ours: true, upstream: false }, 'R1'],
    [
      'not R1: an id in a request',
      { kind: 'required', where: 'request', name: 'id', ours: true, upstream: false },
      undefined,
    ],
    [
      'not R1: a field named like id',
      { kind: 'required', where: 'response', name: 'roomId', ours: true, upstream: false },
      undefined,
    ],
    ['R2', { kind: 'required', where: 'response', name: 'title', ours: true, upstream: false, because: 'x' }, 'R2'],
    ['R3', { kind: 'required', where: 'response', name: 'title', ours: false, upstream: true }, 'R3'],
    [
      'not R3: a request field',
      { kind: 'required', where: 'request', name: 'title', ours: false, upstream: true },
      undefined,
    ],
    ['R4', { kind: 'type', where: 'query', name: 'pageSize', ours: 'number', upstream: 'string' }, 'R4'],
    [
      'not R4: another query parameter',
      { kind: 'type', where: 'query', name: 'title', ours: 'number', upstream: 'string' },
      undefined,
    ],
    [
      'not R4: the other way round',
      { kind: 'type', where: 'query', name: 'max', ours: 'string', upstream: 'number' },
      undefined,
    ],
    ['no rule for a new field', { kind: 'only-upstream', where: 'response', name: 'id', required: false }, undefined],
    ['no rule for a summary', { kind: 'summary', ours: 'List rooms', upstream: 'List spaces' }, undefined],
  ])('%s', (_name, difference, rule) => {
    expect(DIVERGENCE_RULES.find((r) => r.matches(difference))?.id).toBe(rule);
  });
});

describe('accepted divergences: single entries', () => {
  const lockedAsString = (doc: Doc) => (doc.components.schemas.Room.properties.isLocked = { type: 'string' });
  const entry = {
    operation: 'GET /rooms',
    kind: 'type',
    where: 'response',
    name: 'items[].isLocked',
    ours: 'boolean',
    upstream: 'string',
    reason: 'Webex answers with a boolean (behaviour.md)',
  };

  it('an entry hides exactly the difference it names', () => {
    const { result } = compareUpstream(join(repo, 'specs/webex.yaml'), [upstreamWith(lockedAsString)], {
      accepted: acceptedFile({ differences: [entry] }),
    });
    expect(shown(result)).toEqual([
      'POST /rooms: type response isLocked',
      'GET /rooms/{roomId}: type response isLocked',
    ]);
    expect(result.accepted).toMatchObject({ hidden: 1, byEntry: 1, unused: [] });
  });

  it('when upstream changes the same field again, the difference shows and the entry is reported unused', async () => {
    const file = upstreamWith((doc) => (doc.components.schemas.Room.properties.isLocked = { type: 'integer' }));
    const accepted = acceptedFile({ differences: [entry] });
    expect(await main(['upstream', file, '--root', repo, '--accepted', accepted])).toBe(1);
    const text = out.join('\n');
    expect(text).toContain('  - response `items[].isLocked`: type `boolean` in ours, `number` upstream');
    expect(text).toContain('1 accepted entry no longer matches');
    expect(text).toContain(`- \`GET /rooms\` type: ${entry.reason}`);
  });

  it('summaries are compared, and an accepted summary shows again when upstream rewords it', () => {
    const reworded = (summary: string) => upstreamWith((doc) => (doc.paths['/rooms/{roomId}'].get.summary = summary));
    const summaryEntry = {
      operation: 'GET /rooms/{roomId}',
      kind: 'summary',
      ours: 'Get a room',
      upstream: 'Get Room Details',
      reason: 'ours names what it returns',
    };
    const accepted = acceptedFile({ differences: [summaryEntry] });
    const rootFile = join(repo, 'specs/webex.yaml');
    // Case, articles and punctuation are not differences.
    expect(shown(compareUpstream(rootFile, [reworded('Get the Room.')]).result)).toEqual([]);
    expect(shown(compareUpstream(rootFile, [reworded('Get Room Details')]).result)).toEqual([
      'GET /rooms/{roomId}: summary ',
    ]);
    expect(shown(compareUpstream(rootFile, [reworded('Get Room Details')], { accepted }).result)).toEqual([]);
    const again = compareUpstream(rootFile, [reworded('Get Room Details and Members')], { accepted }).result;
    expect(again.resources[0]?.changed[0]?.differences).toEqual([
      { kind: 'summary', ours: 'Get a room', upstream: 'Get Room Details and Members' },
    ]);
    expect(again.accepted?.unused).toHaveLength(1);
  });

  it('an operation only upstream, once accepted, is neither reported nor drafted', async () => {
    const file = upstreamWith((doc) => {
      doc.paths['/rooms/{roomId}/meetingInfo'] = {
        get: { tags: ['Rooms'], summary: 'Get Room Meeting Details', responses: { 200: { description: 'OK' } } },
      };
    });
    const root = tmp();
    cpSync(join(repo, 'specs'), join(root, 'specs'), { recursive: true });
    // Beside webex.yaml it is read without --accepted.
    writeFileSync(
      join(root, 'specs/upstream-accepted.json'),
      JSON.stringify({
        differences: [
          { operation: 'GET /rooms/{roomId}/meetingInfo', kind: 'only-upstream', where: 'operation', reason },
        ],
      }),
    );
    const before = readFileSync(join(root, 'specs/messaging/rooms.yaml'), 'utf8');
    expect(await main(['upstream', file, '--root', root, '--scaffold'])).toBe(0);
    expect(out.at(-1)).toBe('webex-codegen upstream: no operation only upstream, nothing drafted');
    expect(readFileSync(join(root, 'specs/messaging/rooms.yaml'), 'utf8')).toBe(before);
  });
});

describe('accepted divergences: the file', () => {
  const base = {
    operation: 'GET /rooms',
    kind: 'type',
    where: 'response',
    name: 'id',
    ours: 'string',
    upstream: 'number',
  };
  it.each<[string, object, string]>([
    [
      'an unknown rule',
      { rules: [{ rule: 'R99', reason }] },
      'rules[0]: "rule" must name one of our rules (R1, R2, R3, R4',
    ],
    ['a rule without a reason', { rules: [{ rule: 'R1' }] }, 'rules[0]: R1 needs a "reason"'],
    [
      'a rule twice',
      {
        rules: [
          { rule: 'R1', reason },
          { rule: 'R1', reason },
        ],
      },
      'rules[1]: R1 is listed twice',
    ],
    [
      'an entry without the field it is about',
      { differences: [{ ...base, name: undefined, reason }] },
      'a type entry names where, name, ours, upstream (missing name; no blanket entries)',
    ],
    [
      'an entry for a pattern of operations',
      { differences: [{ ...base, operation: 'GET *', reason }] },
      '"operation" must be one operation',
    ],
    ['an entry without a reason', { differences: [base] }, 'needs a "reason"'],
    ['an entry with a typo', { differences: [{ ...base, reason, nmae: 'id' }] }, 'unknown field nmae for a type entry'],
    ['an unknown key', { rule: [] }, 'unknown key "rule"'],
  ])('refuses %s, exit 2', async (_name, content, message) => {
    const accepted = acceptedFile(content as Record<string, unknown>);
    expect(await main(['upstream', identical, '--root', repo, '--accepted', accepted])).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(`webex-codegen upstream: ${accepted}: `);
    expect(err[0]).toContain(message);
  });

  it('refuses a missing --accepted file', async () => {
    expect(await main(['upstream', identical, '--root', repo, '--accepted', join(tmp(), 'none.json')])).toBe(2);
    expect(err[0]).toMatch(/none\.json: no such file \(the accepted divergences\)$/);
  });

  it("the repository's own file reads, and names every rule with its reason", () => {
    const file = join(fixtures, '../../../../specs', ACCEPTED_FILE);
    const accepted = readAcceptedDivergences(file);
    expect(accepted.rules.map(({ rule }) => rule.id)).toEqual(DIVERGENCE_RULES.map((rule) => rule.id));
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
