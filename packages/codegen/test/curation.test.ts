import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import { checkCuration } from '../src/spec-tools/curation/check.js';
import { hasPortalMarkup, isBoilerplate, repeatsSummary } from '../src/spec-tools/curation/prose.js';

const fixtures = new URL('./curation/', import.meta.url).pathname;
const curated = join(fixtures, 'curated');
const uncurated = join(fixtures, 'uncurated');

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((text: string) => void out.push(text));
  vi.spyOn(console, 'error').mockImplementation((text: string) => void err.push(text));
});
afterEach(() => vi.restoreAllMocks());

describe('curation: the check', () => {
  it('passes curated specs: $refs across files followed, hidden operations and bodiless answers left alone', () => {
    expect(checkCuration(curated)).toEqual([]);
  });

  it('names the file, the operation and the fix for each rule broken', () => {
    const problems = checkCuration(uncurated).map((p) => `${p.where}: ${p.message.split(/[:(]/)[0]!.trim()}`);
    expect(problems).toEqual([
      'line 25: TODO left',
      'tags[0].description: empty description',
      'paths./tagless.get.parameters[0].description: empty description',
      'GET /drafted (drafted): still marked x-draft',
      'GET /drafted (drafted): remove `x-curation`',
      'GET /unsummarised (unsummarised): no summary',
      'GET /undescribed (undescribed): no description',
      'GET /repeated (repeated): the description repeats the summary',
      'GET /retyped (retyped): the description repeats the summary',
      'GET /placeholder (placeholder): the description "TBD." is a placeholder',
      'GET /copied (copied): the description carries HTML markup',
      'GET /exampleless (exampleless): the 200 answer has a JSON body and no example',
      'GET /methodless (methodless): no x-sdk-method',
      'GET /tagless (tagless): no tags',
    ]);
    expect(new Set(checkCuration(uncurated).map((p) => p.file))).toEqual(new Set(['widgets/widgets.yaml']));
  });
});

describe('curation: descriptions against their summary', () => {
  it.each([
    ['List rooms', 'Lists rooms.', true],
    ['List rooms', 'Use this API to list all the rooms.', true],
    ['Get a room', 'Returns the room.', true],
    ['Get room details', 'Shows the details of one room.', true],
    ['Delete a room tab', 'Removes a tab from its room.', true],
    ['Create a webhook', 'Creates a webhok.', true],
    ['List rooms', 'Lists the rooms you are in, the most recently active first.', false],
    ['Delete a room', 'Deletes a room and every message in it; only a moderator may.', false],
    ['Get person details', 'Shows the profile of one person.', false],
  ])('%s / %s: repeats %s', (summary, description, repeats) => {
    expect(repeatsSummary(summary, description)).toBe(repeats);
  });

  it.each([
    ['TBD', true],
    ['n/a.', true],
    ['To be documented.', true],
    ['Lorem ipsum dolor sit amet.', true],
    ['Counts toward the hourly limit.', false],
  ])('%s is boilerplate: %s', (description, boilerplate) => {
    expect(isBoilerplate(description)).toBe(boilerplate);
  });

  it.each([
    ['<Callout type="info">Copied.</Callout>', true],
    ['First line.<br/>Second.', true],
    ['Sent as `Authorization: Bearer <token>`.', false],
    ['Attributes `extensionAttribute<n>` are lists.', false],
  ])('%s carries portal markup: %s', (text, markup) => {
    expect(hasPortalMarkup(text)).toBe(markup);
  });
});

describe('curation: command line', () => {
  it('exits 0 on curated specs', async () => {
    expect(await main(['curation', curated])).toBe(0);
    expect(out).toEqual([expect.stringMatching(/^webex-codegen curation: every operation under .* is curated$/)]);
  });

  it('exits 1 with one line per problem, each naming the file', async () => {
    expect(await main(['curation', uncurated])).toBe(1);
    const lines = err.join('\n').split('\n');
    expect(lines[0]).toBe('webex-codegen curation: 14 things to curate in 1 file');
    expect(lines.slice(1)).toHaveLength(14);
    for (const line of lines.slice(1)) expect(line).toMatch(/uncurated\/widgets\/widgets\.yaml: /);
    expect(lines).toContain(
      `${join(uncurated, 'widgets/widgets.yaml').replace(`${process.cwd()}/`, '')}: GET /methodless (methodless): no x-sdk-method: name the method users call on this file's resource (list, get, create, update, delete, or a verb and noun like listFloors; specs/README.md, Method names)`,
    );
  });

  it('exits 2 on a folder that is not there, or two of them', async () => {
    expect(await main(['curation', join(fixtures, 'missing')])).toBe(2);
    expect(await main(['curation', curated, uncurated])).toBe(2);
    expect(err[1]).toMatch(/^curation takes at most one specs folder/);
  });
});
