import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { main } from '../src/cli.js';
import { describeChange, diffSpecs, writeChangeset, type DiffResult } from '../src/spec-tools/diff/index.js';

const cases = new URL('./diff/', import.meta.url).pathname;
const rootOf = (name: string, side: 'old' | 'new') => join(cases, name, side, 'webex.yaml');
const tmp = () => mkdtempSync(join(tmpdir(), 'codegen-diff-'));
const lines = (result: DiffResult) => result.changes.map((c) => `${c.level}: ${describeChange(c)}`);

/** The package bumps in a changeset's front matter. */
function bumps(changeset: string): Record<string, string> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(changeset);
  return parse(match?.[1] ?? '') as Record<string, string>;
}

describe('diff: fixture pairs under test/diff/', () => {
  it.each([
    ['removed-operation', 'major', ['breaking: operation rooms.delete (DELETE /rooms/{roomId}) removed']],
    [
      'new-operation',
      'minor',
      ['additive: operation rooms.update (PUT /rooms/{roomId}) added', 'additive: type UpdateRoomRequest added'],
    ],
    ['new-optional-query-parameter', 'minor', ['additive: parameter rooms.list query.teamId added (optional)']],
    ['parameter-made-required', 'major', ['breaking: parameter rooms.list query.max is now required']],
    ['removed-response-field', 'major', ['breaking: response field Room.isLocked removed']],
    ['added-response-field', 'minor', ['additive: response field Room.lastActivity added']],
    ['request-field-made-required', 'major', ['breaking: request field CreateRoomRequest.teamId is now required']],
    ['enum-value-added', 'minor', ['additive: enum RoomType: value "space" added']],
    ['enum-value-removed', 'major', ['breaking: enum RoomType: value "direct" removed']],
    ['type-changed', 'major', ['breaking: response field Room.isLocked: type changed from boolean to string']],
    [
      'description-only',
      'patch',
      [
        'docs: resource rooms: description changed',
        'docs: operation rooms.list: summary changed',
        'docs: response field Room.title: description changed',
      ],
    ],
    ['no-change', 'none', []],
  ] as const)('%s', (name, bump, expected) => {
    const result = diffSpecs(rootOf(name, 'old'), rootOf(name, 'new'));
    expect(lines(result)).toEqual(expected);
    expect(result.bump).toBe(bump);

    const dir = tmp();
    const written = writeChangeset(result, { dir });
    if (bump === 'none') {
      expect(written).toBeUndefined();
      expect(readdirSync(dir)).toEqual([]);
      return;
    }
    expect(basename(written!)).toMatch(/^api-[0-9a-f]{8}\.md$/);
    const changeset = readFileSync(written!, 'utf8');
    expect(bumps(changeset)).toEqual({ '@webex-ts/client': bump, '@webex-ts/models': bump });
    for (const change of result.changes) expect(changeset).toContain(describeChange(change, (text) => `\`${text}\``));
  });

  it('records what changed, where, and which way it flows', () => {
    const [change] = diffSpecs(
      rootOf('removed-response-field', 'old'),
      rootOf('removed-response-field', 'new'),
    ).changes;
    expect(change).toEqual({
      element: 'field',
      action: 'removed',
      target: 'Room.isLocked',
      direction: 'response',
      level: 'breaking',
    });
  });

  it('names the changeset after its content, so the same changes give the same file', () => {
    const result = () => diffSpecs(rootOf('enum-value-added', 'old'), rootOf('enum-value-added', 'new'));
    const [a, b] = [writeChangeset(result(), { dir: tmp() })!, writeChangeset(result(), { dir: tmp() })!];
    expect(basename(a)).toBe(basename(b));
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    const other = writeChangeset(diffSpecs(rootOf('enum-value-removed', 'old'), rootOf('enum-value-removed', 'new')), {
      dir: tmp(),
    })!;
    expect(basename(other)).not.toBe(basename(a));
  });
});

describe('diff: rules', () => {
  const base = join(cases, 'no-change', 'old');

  /** Copies the base fixture twice and applies text edits to each copy; returns the two root files. */
  function pair(oldEdits: [string, string, string][], newEdits: [string, string, string][]): [string, string] {
    return [oldEdits, newEdits].map((edits) => {
      const dir = tmp();
      cpSync(base, dir, { recursive: true });
      for (const [file, from, to] of edits) {
        const text = readFileSync(join(dir, file), 'utf8');
        expect(text, `${file} holds ${from}`).toContain(from);
        writeFileSync(join(dir, file), text.replace(from, to));
      }
      return join(dir, 'webex.yaml');
    }) as [string, string];
  }
  const changed = (...edits: [string, string, string][]) => lines(diffSpecs(...pair([], edits)));

  it('a new required query parameter breaks callers; a removed one too', () => {
    expect(
      changed([
        'rooms.yaml',
        '        - name: max\n',
        '        - name: teamId\n          in: query\n          required: true\n          schema: { type: string }\n        - name: max\n',
      ]),
    ).toEqual(['breaking: parameter rooms.list query.teamId added (required)']);
    expect(
      changed([
        'rooms.yaml',
        '        - name: max\n          in: query\n          description: Page size.\n          schema: { type: integer, maximum: 1000 }\n',
        '',
      ]),
    ).toEqual(['breaking: parameter rooms.list query.max removed']);
  });

  it('an enum opened to other strings is widened, one closed narrowed', () => {
    const open: [string, string, string] = [
      'components/common.yaml',
      'paths: {}\n',
      'paths: {}\nx-sdk-open-enums: true\n',
    ];
    // RoomType is sent and answered: the stricter answer, breaking, both ways.
    expect(changed(open)).toEqual([
      "breaking: type RoomType: type widened from 'direct' | 'group' to 'direct' | 'group' | (string & {})",
    ]);
    expect(lines(diffSpecs(...pair([open], [])))).toEqual([
      "breaking: type RoomType: type narrowed from 'direct' | 'group' | (string & {}) to 'direct' | 'group'",
    ]);
  });

  it('a changed path or HTTP method breaks callers', () => {
    expect(changed(['webex.yaml', '  /rooms/{roomId}:', '  /spaces/{roomId}:'])).toEqual([
      'breaking: operation rooms.get: path changed from /rooms/{roomId} to /spaces/{roomId}',
      'breaking: operation rooms.delete: path changed from /rooms/{roomId} to /spaces/{roomId}',
    ]);
    expect(changed(['rooms.yaml', '    delete:', '    patch:'])).toEqual([
      'breaking: operation rooms.delete: HTTP method changed from DELETE to PATCH',
    ]);
  });

  it('new request fields break callers only when required; removed ones always do', () => {
    const teamId = '        teamId: { type: string, description: The team to create the room in. }\n';
    const field = (line: string) => ['rooms.yaml', teamId, line] as [string, string, string];
    expect(changed(field(`${teamId}        isLocked: { type: boolean }\n`))).toEqual([
      'additive: request field CreateRoomRequest.isLocked added (optional)',
    ]);
    expect(
      changed(field(`${teamId}        ownerId: { type: string }\n`), [
        'rooms.yaml',
        'required: [title]\n      properties:\n        title: { type: string, maxLength',
        'required: [title, ownerId]\n      properties:\n        title: { type: string, maxLength',
      ]),
    ).toEqual(['breaking: request field CreateRoomRequest.ownerId added (required)']);
    expect(changed(field(''))).toEqual(['breaking: request field CreateRoomRequest.teamId removed']);
  });

  it('a response field made optional breaks callers; a request field made optional does not', () => {
    expect(changed(['rooms.yaml', 'required: [id, title]', 'required: [id]'])).toEqual([
      'breaking: response field Room.title is now optional',
    ]);
    expect(
      changed([
        'rooms.yaml',
        'required: [title]\n      properties:\n        title: { type: string, maxLength',
        'required: []\n      properties:\n        title: { type: string, maxLength',
      ]),
    ).toEqual(['additive: request field CreateRoomRequest.title is now optional']);
  });

  it('a type made nullable widens: fine for requests, breaking for responses', () => {
    expect(changed(['rooms.yaml', 'teamId: { type: string,', "teamId: { type: [string, 'null'],"])).toEqual([
      'additive: request field CreateRoomRequest.teamId: type widened from string to string | null',
    ]);
    expect(
      changed([
        'rooms.yaml',
        "title: { type: string, description: The room's title. }",
        "title: { type: [string, 'null'], description: The room's title. }",
      ]),
    ).toEqual(['breaking: response field Room.title: type widened from string to string | null']);
  });

  it('tightened validation breaks requests; loosened validation does not', () => {
    expect(changed(['rooms.yaml', 'maxLength: 200', 'maxLength: 100'])).toEqual([
      'breaking: request field CreateRoomRequest.title: maxLength tightened from 200 to 100',
    ]);
    expect(changed(['rooms.yaml', 'maxLength: 200', 'maxLength: 500'])).toEqual([
      'additive: request field CreateRoomRequest.title: maxLength loosened from 200 to 500',
    ]);
    expect(changed(['rooms.yaml', 'maximum: 1000', 'maximum: 100'])).toEqual([
      'breaking: parameter rooms.list query.max: maximum tightened from 1000 to 100',
    ]);
  });

  it('a deprecation is docs-only', () => {
    expect(
      changed(['rooms.yaml', '      summary: Delete a room', '      summary: Delete a room\n      deprecated: true']),
    ).toEqual(['docs: operation rooms.delete is now deprecated']);
  });

  it('compares hidden operations on their raw definition', () => {
    const hide = [
      'rooms.yaml',
      '      x-sdk-method: delete',
      '      x-sdk-method: delete\n      x-sdk-hidden: true',
    ] as [string, string, string];
    expect(lines(diffSpecs(...pair([], [hide])))).toEqual([
      'breaking: operation rooms.delete (DELETE /rooms/{roomId}) removed',
    ]);
    const docs = ['rooms.yaml', 'summary: Delete a room', 'summary: Delete a room for good'] as [
      string,
      string,
      string,
    ];
    expect(lines(diffSpecs(...pair([hide], [hide, docs])))).toEqual([
      'docs: operation DELETE /rooms/{roomId} (hidden deleteRoom): description changed',
    ]);
    const status = [
      'rooms.yaml',
      "        '204':\n          description: Deleted.",
      "        '202':\n          description: Deleted.",
    ] as [string, string, string];
    expect(lines(diffSpecs(...pair([hide], [hide, status])))).toEqual([
      'breaking: operation DELETE /rooms/{roomId} (hidden deleteRoom): definition changed',
    ]);
  });
});

describe('webex-codegen diff (command line)', () => {
  let out: string[];
  let err: string[];
  beforeEach(() => {
    out = [];
    err = [];
    vi.spyOn(console, 'log').mockImplementation((text: string) => void out.push(text));
    vi.spyOn(console, 'error').mockImplementation((text: string) => void err.push(text));
  });
  afterEach(() => vi.restoreAllMocks());

  it('prints the grouped report and exits 0 even for breaking changes', async () => {
    expect(await main(['diff', join(cases, 'removed-operation', 'old'), rootOf('removed-operation', 'new')])).toBe(0);
    expect(out.join('\n')).toMatch(
      /Breaking \(1\):\n {2}- operation rooms\.delete \(DELETE \/rooms\/\{roomId\}\) removed\n\n1 change \(1 breaking, 0 additive, 0 docs-only\): major bump\./,
    );
  });

  it('prints JSON with --json and writes the changeset to the given file', async () => {
    const file = join(tmp(), 'notes', 'api.md');
    expect(
      await main([
        'diff',
        '--json',
        join(cases, 'enum-value-added', 'old'),
        join(cases, 'enum-value-added', 'new'),
        '--changeset',
        file,
      ]),
    ).toBe(0);
    const result = JSON.parse(out.join('\n')) as DiffResult;
    expect(result.bump).toBe('minor');
    expect(result.changes).toEqual([
      { element: 'enum', action: 'added', target: 'RoomType', direction: 'both', value: 'space', level: 'additive' },
    ]);
    expect(bumps(readFileSync(file, 'utf8'))).toEqual({ '@webex-ts/client': 'minor', '@webex-ts/models': 'minor' });
    expect(err.join('\n')).toContain('wrote ');
  });

  it('writes the changeset into .changeset/ of the repository root by default', async () => {
    const root = tmp();
    expect(
      await main([
        'diff',
        join(cases, 'description-only', 'old'),
        join(cases, 'description-only', 'new'),
        '--changeset',
        '--root',
        root,
      ]),
    ).toBe(0);
    const [name] = readdirSync(join(root, '.changeset'));
    expect(name).toMatch(/^api-[0-9a-f]{8}\.md$/);
    expect(bumps(readFileSync(join(root, '.changeset', name!), 'utf8'))).toEqual({
      '@webex-ts/client': 'patch',
      '@webex-ts/models': 'patch',
    });
  });

  it('exits 2 on usage errors', async () => {
    expect(await main(['diff', join(cases, 'no-change', 'old')])).toBe(2);
    expect(await main(['diff', join(cases, 'no-change', 'old'), join(cases, 'missing')])).toBe(2);
    expect(err.at(-1)).toMatch(/missing: no such file or folder/);
    expect(await main(['diff', join(cases, 'no-change'), join(cases, 'no-change', 'new')])).toBe(2);
    expect(err.at(-1)).toMatch(/no webex\.yaml in this folder/);
    expect(await main(['generate', '--json'])).toBe(2);
  });

  it('reads git revisions: git:<rev> is the specs/ folder of that commit', async () => {
    const checkouts = () => readdirSync(tmpdir()).filter((name) => name.startsWith('webex-codegen-diff-'));
    const before = checkouts();
    const repo = tmp();
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.test', ...args], {
        cwd: repo,
        stdio: 'pipe',
      });
    writeFileSync(join(repo, 'pnpm-workspace.yaml'), 'packages: []\n');
    git('init', '--quiet');
    cpSync(join(cases, 'parameter-made-required', 'old'), join(repo, 'specs'), { recursive: true });
    git('add', '.');
    git('commit', '--quiet', '-m', 'old specs');
    cpSync(join(cases, 'parameter-made-required', 'new'), join(repo, 'specs'), { recursive: true });
    git('commit', '--quiet', '-am', 'new specs');

    expect(await main(['diff', 'git:HEAD~1', 'git:HEAD', '--json', '--root', repo])).toBe(0);
    const result = JSON.parse(out.join('\n')) as DiffResult;
    expect([result.old, result.new, result.bump]).toEqual(['git:HEAD~1', 'git:HEAD', 'major']);
    expect(lines(result)).toEqual(['breaking: parameter rooms.list query.max is now required']);

    out.length = 0;
    expect(await main(['diff', 'git:HEAD', join(repo, 'specs'), '--json', '--root', repo])).toBe(0);
    expect((JSON.parse(out.join('\n')) as DiffResult).changes).toEqual([]);

    expect(await main(['diff', 'git:no-such-rev', 'git:HEAD', '--root', repo])).toBe(2);
    expect(err.at(-1)).toMatch(/git:no-such-rev: not a revision/);
    expect(checkouts()).toEqual(before);
  });
});

describe('releaseBump', () => {
  it('keeps 0.x packages on 0.x: breaking is a minor bump before 1.0, a major one after', async () => {
    const { releaseBump } = await import('../src/index.js');
    expect(releaseBump('major', '0.1.0')).toBe('minor');
    expect(releaseBump('major', '1.2.0')).toBe('major');
    expect(releaseBump('minor', '0.1.0')).toBe('minor');
    expect(releaseBump('major')).toBe('major');
  });
});
