// Answers typed as Webex writes them (issue #19 §4 and §5): the Prism mock answers with the spec's examples, which
// follow Webex's own examples, and each example conforms to the response schema it illustrates.
import { afterEach, describe, expect, it } from 'vitest';
import { checkSchema } from '../../mock/src/contract/schema-check.js';
import { loadSpec, type Schema } from '../../mock/src/contract/spec.js';
import { mockClient } from './mock.js';

const { webex, violations } = mockClient();
afterEach(() => expect(violations.splice(0)).toEqual([]));

const spec = loadSpec(new URL('../src/gen/openapi.json', import.meta.url).pathname);
const anId = 'Y2lzY29zcGFyazovL3VzL01FU1NBR0UvOTJkYjNiZTAtNDNiZC0xMWU2LThhZTktZGQ1YjNkZmM1NjVk';
const range = { from: '2026-11-02T10:00:00.000Z', to: '2026-11-02T10:10:00.000Z' };

describe('examples conform to the changed answer schemas', () => {
  it.each([
    'videoMesh.getUtilization',
    'videoMesh.getClusterUtilization',
    'partner.reports.get',
    'partner.reports.list',
    'reportTemplates.list',
    'dataSources.list',
    'dataSources.get',
    'scim.schemas.get',
    'messages.get',
    'messages.list',
    'messages.create',
    'locations.list',
    'locations.get',
    'workspaces.get',
  ])('%s', (label) => {
    const operation = spec.byLabel(label);
    expect(operation, label).toBeDefined();
    const media = (operation!.responses['200'] ?? operation!.responses['201'])!.content!['application/json'] as {
      schema: Schema;
      example: unknown;
    };
    expect(media.example).toBeDefined();
    expect(checkSchema(spec, media.schema, media.example)).toEqual([]);
  });
});

describe('the mock answers as Webex writes it', () => {
  it('videoMesh utilization: CPU figures with decimals', async () => {
    const all = await webex.videoMesh.getUtilization({ ...range, orgId: 'O' });
    const one = await webex.videoMesh.getClusterUtilization({ ...range, clusterId: 'C' });
    for (const answer of [all, one]) {
      const metrics = answer.items!.flatMap((o) =>
        o.items!.flatMap((t) => t.clusters!.map((c) => c.utilizationMetrics!)),
      );
      expect(metrics.some((m) => !Number.isInteger(m.avgCpu))).toBe(true);
      expect(metrics.some((m) => !Number.isInteger(m.peakCpu))).toBe(true);
    }
  });

  it('partner.reports.get: reportId and createdTime, like the create answer', async () => {
    const report = await webex.partner.reports.get(anId);
    expect(report.reportId).toBeTypeOf('string');
    expect(report.createdTime).toBeTypeOf('string');
    const created = await webex.partner.reports.create({
      templateId: 130,
      startDate: '2026-10-01',
      endDate: '2026-10-31',
    });
    expect(Object.keys(created).sort()).toEqual(['createdTime', 'reportId']);
  });

  it('reportTemplates.list: `Id`, a number', async () => {
    const { items, numberOfTemplate } = await webex.reportTemplates.list();
    expect(items![0]!.Id).toBeTypeOf('number');
    expect(items![0]).not.toHaveProperty('id');
    expect(numberOfTemplate).toBe(items!.length);
  });

  it('dataSources.list: entries without an id; get has one', async () => {
    const { items } = await webex.dataSources.list();
    expect(items[0]).not.toHaveProperty('id');
    expect(items[0]!.applicationId).toBeTypeOf('string');
    expect((await webex.dataSources.get(anId)).id).toBeTypeOf('string');
  });

  it('scim.schemas.get: one flat schema record', async () => {
    const schema = await webex.scim.schemas.get('urn:ietf:params:scim:schemas:core:2.0:Group');
    expect('id' in schema ? schema.attributes?.length : undefined).toBeGreaterThan(0);
    expect(schema).not.toHaveProperty(['urn:ietf:params:scim:schemas:core:2.0:Group']);
  });

  it('messages: every message names its author', async () => {
    const messages = [
      await webex.messages.get(anId),
      ...(await webex.messages.list({ roomId: anId }).toArray()),
      await webex.messages.create({ roomId: anId, text: 'hi' }),
    ];
    for (const message of messages) {
      expect(message.personId).toBeTypeOf('string');
      expect(message.personEmail).toMatch(/@/);
    }
  });

  it('locations: coordinates as numbers and as numeric text', async () => {
    const locations = await webex.locations.list().toArray();
    const kinds = new Set(locations.flatMap((l) => [typeof l.latitude, typeof l.longitude]));
    expect([...kinds].sort()).toEqual(['number', 'string']);
    for (const l of locations) expect(Number(l.latitude)).not.toBeNaN();
  });

  it('workspaces.get: capabilities is one object, not an array', async () => {
    const workspace = await webex.workspaces.get(anId, { includeCapabilities: true });
    expect(Array.isArray(workspace.capabilities)).toBe(false);
    expect(workspace.capabilities?.occupancyDetection).toHaveProperty('supported');
  });
});
