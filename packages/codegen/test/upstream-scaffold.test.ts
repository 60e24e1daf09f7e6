import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SCHEMA, load as loadYaml11 } from 'js-yaml';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { main } from '../src/cli.js';
import { generate, type Layout } from '../src/index.js';
import { checkCuration } from '../src/spec-tools/curation/check.js';
import { compareUpstream } from '../src/spec-tools/upstream/index.js';

// The four documents Webex publishes beyond the first four, reduced to a few operations each (facts from
// reference/webex-api-more): Contact Center on its own hosts with /v1 and /organization prefixes, Wholesale with
// articles in every summary and string-typed paging, BroadWorks and UCM.
const fixtures = new URL('./upstream/', import.meta.url).pathname;
const more = join(fixtures, 'more');
const documents = {
  contactCenter: join(more, 'webex-contact-center.yaml'),
  wholesale: join(more, 'webex-wholesale.json'),
  broadWorks: join(more, 'webex-broadworks.json'),
  ucm: join(more, 'webex-ucm.json'),
};
const all = Object.values(documents);
const layout: Layout = {
  specs: 'specs/webex.yaml',
  modelsGen: 'out/models',
  clientGen: 'out/client',
  modelsPackage: '@webex-ts/models',
};

type Doc = Record<string, any>;

/** A fresh copy of the fixture repository. */
function repository(): string {
  const root = mkdtempSync(join(tmpdir(), 'codegen-scaffold-'));
  cpSync(join(fixtures, 'repo/specs'), join(root, 'specs'), { recursive: true });
  return root;
}

/** Every spec file under the repository's specs/, relative to it. */
function specFiles(root: string): string[] {
  return (readdirSync(join(root, 'specs'), { recursive: true }) as string[])
    .filter((file) => file.endsWith('.yaml'))
    .sort();
}

const read = (root: string, file: string) => readFileSync(join(root, 'specs', file), 'utf8');
const spec = (root: string, file: string): Doc => parse(read(root, file));

/** Every operation of a spec file as `METHOD path` → the operation. */
function operations(doc: Doc): Record<string, Doc> {
  return Object.fromEntries(
    Object.entries(doc.paths as Doc).flatMap(([path, item]) =>
      Object.entries(item as Doc)
        .filter(([method]) => ['get', 'put', 'post', 'delete', 'patch'].includes(method))
        .map(([method, op]) => [`${method.toUpperCase()} ${path}`, op as Doc]),
    ),
  );
}

/** Every `description` anywhere in a node, with where it is. */
function descriptions(node: unknown, at = ''): [string, unknown][] {
  if (Array.isArray(node)) return node.flatMap((child, i) => descriptions(child, `${at}[${i}]`));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => [
    ...(key === 'description' && typeof value === 'string' ? [[`${at}.description`, value] as [string, unknown]] : []),
    ...(key === 'example' || typeof value !== 'object' ? [] : descriptions(value, `${at}.${key}`)),
  ]);
}

async function scaffold(root: string, ...args: string[]) {
  return main(['upstream', ...all, '--root', root, '--scaffold', ...args]);
}

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((text: string) => void out.push(text));
  vi.spyOn(console, 'error').mockImplementation((text: string) => void err.push(text));
});
afterEach(() => vi.restoreAllMocks());

describe('upstream --scaffold: which operations, where', () => {
  it('--document and --tag draft only what they name', async () => {
    const root = repository();
    expect(await scaffold(root, '--document', 'webex-wholesale', '--tag', 'Wholesale Billing Reports')).toBe(1);
    expect(specFiles(root)).toEqual([
      'components/common.yaml',
      'messaging/rooms.yaml',
      'webex.yaml',
      'wholesale/wholesale-billing-reports.yaml',
    ]);
    expect(out.filter((line) => line.includes('drafted'))).toEqual([
      `webex-codegen upstream: drafted 4 operations in ${join(root, 'specs/wholesale/wholesale-billing-reports.yaml')} (new file)`,
    ]);
  });

  it('a tag in kebab case and a document by its area select the same', async () => {
    const root = repository();
    expect(await scaffold(root, '--document', 'contact-center', '--tag', 'skill')).toBe(1);
    expect(specFiles(root)).toContain('contact-center/skill.yaml');
    expect(specFiles(root)).not.toContain('contact-center/tasks.yaml');
  });

  it('each document drafts into its own area: contact-center, wholesale, broadworks, ucm', async () => {
    const root = repository();
    expect(await scaffold(root)).toBe(1);
    expect(
      specFiles(root).filter(
        (file) => !['components/common.yaml', 'messaging/rooms.yaml', 'webex.yaml'].includes(file),
      ),
    ).toEqual([
      'broadworks/broadworks-subscribers.yaml',
      'contact-center/skill.yaml',
      'contact-center/tasks.yaml',
      'ucm/ucm-profile.yaml',
      'wholesale/wholesale-billing-reports.yaml',
      'wholesale/wholesale-provisioning.yaml',
    ]);
    expect(
      [
        'contact-center/skill.yaml',
        'wholesale/wholesale-provisioning.yaml',
        'broadworks/broadworks-subscribers.yaml',
        'ucm/ucm-profile.yaml',
      ].map((file) => spec(root, file)['x-sdk-resource']),
    ).toEqual(['contactCenter.skill', 'wholesale.provisioning', 'broadWorks.subscribers', 'ucm.profile']);
  });

  it.each([
    [['--tag', 'Nope'], '--tag Nope: no such tag in'],
    [['--document', 'webex-nope'], '--document webex-nope: not one of the documents given'],
  ])('refuses a filter that names nothing (%s), exit 2', async (args, message) => {
    const root = repository();
    expect(await scaffold(root, ...args)).toBe(2);
    expect(err[0]).toContain(message);
    expect(specFiles(root)).toEqual(['components/common.yaml', 'messaging/rooms.yaml', 'webex.yaml']);
  });

  it('refuses --tag without --scaffold, exit 2', async () => {
    expect(await main(['upstream', documents.ucm, '--root', repository(), '--tag', 'UCM Profile'])).toBe(2);
    expect(err[0]).toMatch(/^--document and --tag choose what --scaffold drafts/);
  });
});

describe('upstream --scaffold: the drafts', () => {
  const root = repository();
  const ready = scaffold(root);

  it('Contact Center keeps its path prefixes and declares its regional host; compared again, it matches', async () => {
    await ready;
    const tasks = spec(root, 'contact-center/tasks.yaml');
    expect(Object.keys(tasks.paths)).toEqual(['/v1/tasks', '/v1/tasks/{taskId}/accept']);
    expect(tasks.servers).toEqual([
      { url: 'https://api.wxcc-{region}.cisco.com', variables: { region: { default: 'us1' } } },
    ]);
    expect(Object.keys(spec(root, 'contact-center/skill.yaml').paths)).toContain('/organization/{orgid}/skill');
    // Wholesale is on webexapis.com/v1 like the rest: no server of its own.
    expect(spec(root, 'wholesale/wholesale-provisioning.yaml').servers).toBeUndefined();
    const again = compareUpstream(join(root, 'specs/webex.yaml'), all).result;
    expect(again.counts.onlyUpstream).toBe(0);
    expect(again.counts.onlyOurs).toBe(0);
  });

  it('names methods by our rules: the standard five, else a verb and noun without articles or the resource', async () => {
    await ready;
    const names = (file: string) =>
      Object.fromEntries(
        Object.entries(operations(spec(root, file))).map(([key, op]) => [
          key,
          `${op['x-sdk-method']} ${op.operationId}`,
        ]),
      );
    expect(names('wholesale/wholesale-provisioning.yaml')).toEqual({
      'GET /wholesale/customers': 'list listWholesaleCustomers',
      'POST /wholesale/customers': 'create provisionWholesaleCustomer',
      'GET /wholesale/customers/{customerId}': 'get getWholesaleCustomer',
      'PUT /wholesale/customers/{customerId}': 'update updateWholesaleCustomer',
      'DELETE /wholesale/customers/{customerId}': 'delete removeWholesaleCustomer',
      'POST /wholesale/customers/validate': 'precheckCustomer precheckWholesaleCustomerProvisioning',
    });
    expect(
      Object.fromEntries(
        Object.entries(operations(spec(root, 'contact-center/skill.yaml'))).map(([key, op]) => [
          key,
          op['x-sdk-method'],
        ]),
      ),
    ).toEqual({
      'GET /organization/{orgid}/skill': 'list',
      'POST /organization/{orgid}/skill': 'create',
      'GET /organization/{orgid}/skill/{id}': 'get',
      'PUT /organization/{orgid}/skill/{id}': 'update',
      'DELETE /organization/{orgid}/skill/{id}': 'delete',
      'PATCH /organization/{orgid}/skill/{id}': 'partiallyUpdate',
      'GET /organization/{orgid}/skill/{id}/incoming-references': 'listReferences',
      'POST /organization/{orgid}/skill/bulk': 'bulkSave',
    });
    expect(operations(spec(root, 'contact-center/tasks.yaml'))['POST /v1/tasks/{taskId}/accept']!['x-sdk-method']).toBe(
      'accept',
    );
    // "Read the List of UC Manager Profiles" answers with a list: list.
    expect(
      operations(spec(root, 'ucm/ucm-profile.yaml'))['GET /telephony/config/callingProfiles']!['x-sdk-method'],
    ).toBe('list');
    const article = /(?:^|[a-z0-9])(?:A|An|The)(?=[A-Z]|$)/;
    for (const file of specFiles(root)) {
      for (const [key, op] of Object.entries(operations(spec(root, file)))) {
        expect(op['x-sdk-method'], `${file} ${key}`).not.toMatch(article);
        expect(op.operationId, `${file} ${key}`).not.toMatch(article);
      }
    }
  });

  it('types paging parameters as integers, whatever type upstream gives them', async () => {
    await ready;
    const query = (file: string, key: string) =>
      Object.fromEntries(
        (operations(spec(root, file))[key]!.parameters as Doc[])
          .filter((p) => p.in === 'query')
          .map((p) => [p.name, p.schema]),
      );
    expect(query('wholesale/wholesale-provisioning.yaml', 'GET /wholesale/customers')).toEqual({
      status: { type: 'array', items: { type: 'string' } },
      offset: { type: 'integer' },
      max: { type: 'integer', default: 100 },
    });
    expect(query('contact-center/skill.yaml', 'GET /organization/{orgid}/skill')).toEqual({
      filter: { type: 'string' },
      page: { type: 'integer', default: 0 },
      pageSize: { type: 'integer', maximum: 1000 },
    });
    // A cursor named like an offset stays what it is.
    expect(query('broadworks/broadworks-subscribers.yaml', 'GET /broadworks/subscribers')).toEqual({
      max: { type: 'integer' },
      start: { type: 'string' },
    });
  });

  it('quotes date-like scalars, so that a YAML 1.1 reader keeps them strings', async () => {
    await ready;
    const skill = read(root, 'contact-center/skill.yaml');
    expect(skill).toContain("validFrom: '2024-05-01'");
    expect(skill).toContain("lastUpdated: '2024-05-01T10:00:00Z'");
    const reports = read(root, 'wholesale/wholesale-billing-reports.yaml');
    expect(reports).toContain("example: '2024-04-01'");
    for (const file of specFiles(root)) {
      const yaml11 = JSON.stringify(loadYaml11(read(root, file), { schema: DEFAULT_SCHEMA }));
      expect(yaml11, file).toBe(JSON.stringify(parse(read(root, file))));
    }
  });

  it('marks every draft x-draft and copies no prose: descriptions empty, no markup, no TODO', async () => {
    await ready;
    const drafted = specFiles(root).filter((file) => /^(contact-center|wholesale|broadworks|ucm)\//.test(file));
    expect(drafted).toHaveLength(6);
    for (const file of drafted) {
      const text = read(root, file);
      expect(text, file).not.toMatch(/TODO|Callout|Portal prose/);
      const doc = spec(root, file);
      for (const [key, op] of Object.entries(operations(doc))) expect(op['x-draft'], `${file} ${key}`).toBe(true);
      for (const [where, value] of descriptions(doc)) expect(value, `${file} ${where}`).toBe('');
    }
    // A field named like a keyword is still a field, and upstream's vendor extensions stay behind.
    const skill = spec(root, 'contact-center/skill.yaml').components.schemas.SkillDTO;
    expect(skill.properties.description).toEqual({ type: 'string', description: '' });
    expect(skill.properties['x-portal-note']).toEqual({ type: 'string' });
    expect(operations(spec(root, 'contact-center/skill.yaml'))['GET /organization/{orgid}/skill']!.summary).toBe(
      'List Skill(s)',
    );
  });

  it('the curation check lists what each draft still needs', async () => {
    await ready;
    const problems = checkCuration(join(root, 'specs')).filter(
      (p) => p.file === 'wholesale/wholesale-billing-reports.yaml',
    );
    const forList = problems.filter((p) => p.where === 'GET /wholesale/billing/reports (listWholesaleBillingReports)');
    expect(forList.map((p) => p.message.split(':')[0])).toEqual(['still marked x-draft', 'no description']);
    expect(
      problems.some(
        (p) =>
          p.where === 'GET /wholesale/billing/reports/{id} (getWholesaleBillingReport)' &&
          p.message.startsWith('the 200 answer has a JSON body and no example'),
      ),
    ).toBe(true);
    expect(problems.some((p) => p.message.startsWith('empty description'))).toBe(true);
  });

  it('the generator accepts the drafts as they are, under their namespaces', async () => {
    await ready;
    const files = await generate(root, layout);
    expect(files.get('out/client/resources/skill.gen.ts')).toMatch(/^ {2}bulkSave\(orgid: string, /m);
    expect(files.get('out/client/resources/wholesale-provisioning.gen.ts')).toMatch(
      /^ {2}precheckCustomer\(body\?: WholesaleProvisioningCustomer, /m,
    );
  });
});
