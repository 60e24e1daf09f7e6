import { basename, extname } from 'node:path';

/** A server an area's operations are sent to, as a spec file's `servers:` declares it. */
interface AreaServer {
  url: string;
  variables?: Record<string, { default: string }>;
}

/** What we know about one of Webex's public OpenAPI documents (github.com/webex/webex-openapi-specs, `public-spec/`). */
export interface PublicDocument {
  /** Its file name there, without `.json`. */
  name: string;
  /** The folder of `specs/` its resources go to. */
  area: string;
  /** Matched against the document's `info.title` and file name. */
  recognise: RegExp;
  /**
   * The host its paths are relative to, when it is not webexapis.com/v1: such paths keep their own prefix
   * (`/v1/tasks`, `/organization/{orgid}/skill`), and a new spec file for it declares the server.
   */
  server?: AreaServer;
  /** The namespace its resources go under on `Webex` (`webex.contactCenter.…`), for documents of a new area. */
  namespace?: string;
}

/**
 * The eight public documents, the most specific first. Contact Center is served from regional hosts, and its
 * document declares no servers, so its server is written here.
 */
const PUBLIC_DOCUMENTS: readonly PublicDocument[] = [
  {
    name: 'webex-contact-center',
    area: 'contact-center',
    recognise: /contact[\s-]*cent(er|re)|wxcc/i,
    server: { url: 'https://api.wxcc-{region}.cisco.com', variables: { region: { default: 'us1' } } },
    namespace: 'contactCenter',
  },
  { name: 'webex-wholesale', area: 'wholesale', recognise: /wholesale/i, namespace: 'wholesale' },
  { name: 'webex-broadworks', area: 'broadworks', recognise: /broad[\s-]*works/i, namespace: 'broadWorks' },
  {
    name: 'webex-ucm',
    area: 'ucm',
    recognise: /\bucm\b|unified[\s-]*cm|uc[\s-]*manager/i,
    namespace: 'ucm',
  },
  { name: 'webex-meeting', area: 'meetings', recognise: /meeting/i },
  { name: 'webex-device', area: 'devices', recognise: /device/i },
  { name: 'webex-messaging', area: 'messaging', recognise: /messaging/i },
  { name: 'webex-admin', area: 'admin', recognise: /admin/i },
];

const ADMIN = PUBLIC_DOCUMENTS.find((doc) => doc.area === 'admin')!;

/** The public document a file is, by its title first and then its file name; admin's conventions otherwise. */
export function publicDocumentOf(document: { title: string; file: string }): PublicDocument {
  const name = basename(document.file, extname(document.file));
  return (
    PUBLIC_DOCUMENTS.find((known) => known.recognise.test(document.title)) ??
    PUBLIC_DOCUMENTS.find((known) => known.recognise.test(name)) ??
    ADMIN
  );
}

/** The specs folder for a document (`Webex Meetings` → `meetings`, `Webex Contact Center` → `contact-center`). */
export function areaOf(title: string, file = ''): string {
  return publicDocumentOf({ title, file }).area;
}

/**
 * Which host a server URL is on, for matching operations: `''` for webexapis.com (whose `/v1` prefix paths may
 * or may not repeat), else the area of the public document served there (`contact-center`), else the host itself.
 */
export function hostGroup(serverUrl: string | undefined): string {
  if (!serverUrl) return '';
  const host = hostOf(serverUrl);
  if (/(^|\.)webexapis\.com$/i.test(host)) return '';
  const known = PUBLIC_DOCUMENTS.find((doc) => doc.server && hostOf(doc.server.url) === host);
  return known?.area ?? host;
}

/** `https://api.wxcc-{region}.cisco.com/x` → `api.wxcc-{region}.cisco.com`. */
function hostOf(url: string): string {
  return (/^[a-z]+:\/\/([^/]+)/i.exec(url)?.[1] ?? url).toLowerCase();
}
