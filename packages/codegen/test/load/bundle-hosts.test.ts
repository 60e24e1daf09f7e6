// What the bundle does for a resource file served from another host: its server on each of its paths, and its host's
// own standard error responses in place of the root's.
import { describe, expect, it } from 'vitest';
import { bundleOf, resourceFile } from '../spec-files.js';

const ROOT = [
  'openapi: 3.1.0',
  "info: { title: t, version: '1' }",
  'x-standard-responses:',
  "  '404': { description: Webex's not found }",
  "  '429': { description: Webex's rate limit }",
  'x-sdk-hosts:',
  '  contactCenter:',
  '    x-standard-responses:',
  "      '404': { description: Contact Center's not found }",
  'paths: {}',
  '',
].join('\n');
const SERVERS = "servers: [{ url: 'https://api.wxcc-{region}.cisco.com', variables: { region: { default: us1 } } }]\n";

describe('a resource file of another host', () => {
  const bundle = bundleOf({
    'webex.yaml': ROOT,
    'cc/skills.yaml': resourceFile('/skills', { extra: `x-sdk-host: contactCenter\n${SERVERS}` }),
    'cc/teams.yaml': resourceFile('/teams', { extra: SERVERS }),
    'messaging/rooms.yaml': resourceFile('/rooms', {}),
  });
  const paths = bundle.document.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;

  it("puts the file's servers on each of its paths, so the bundled document says where each is served", () => {
    expect(paths['/skills']).toMatchObject({
      servers: [{ url: 'https://api.wxcc-{region}.cisco.com', variables: { region: { default: 'us1' } } }],
    });
    expect(paths['/rooms']).not.toHaveProperty('servers');
  });

  it("gives its operations the host's standard error responses instead of the root's, whose bodies are Webex's", () => {
    expect(paths['/skills']!.get!.responses['404']).toEqual({ description: "Contact Center's not found" });
    expect(paths['/skills']!.get!.responses).not.toHaveProperty('429');
    // A file that declares the host's server without naming the host is that host's all the same.
    expect(paths['/teams']!.get!.responses['404']).toEqual({ description: "Contact Center's not found" });
    expect(paths['/rooms']!.get!.responses['404']).toEqual({ description: "Webex's not found" });
  });

  it('keeps x-sdk-hosts out of the bundled document, and remembers the hosts it names', () => {
    expect(bundle.document).not.toHaveProperty('x-sdk-hosts');
    expect([...bundle.hosts]).toEqual(['contactCenter']);
  });
});
