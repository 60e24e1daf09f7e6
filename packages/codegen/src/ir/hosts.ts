import { type Bundle, SpecError } from '../load/bundle.js';
import { HOSTS, hostOfServer } from '../load/hosts.js';
import { operationPlace, type SpecOperation } from './spec-operations.js';

const listed = Object.entries(HOSTS)
  .map(([host, server]) => `${host}: ${server}`)
  .join('; ');

/**
 * The host a resource file's operations are served from: none for the root's server, else the host whose server the
 * file declares at its top (`servers:`). `x-sdk-host` may name it and must then agree, so that a file says both where
 * it is served and which client option routes it. An unknown server or host is a SpecError naming the file and the
 * hosts the client knows.
 */
export function hostOfFile(source: string, bundle: Bundle): string | undefined {
  const place = `${source}.yaml`;
  const named: unknown = bundle.fileSettings.get(source)?.['x-sdk-host'];
  const server = bundle.fileServers.get(source);
  if (named !== undefined && (typeof named !== 'string' || !Object.hasOwn(HOSTS, named))) {
    throw new SpecError(`${place}: x-sdk-host ${JSON.stringify(named)} is no host the client knows (${listed})`);
  }
  if (server === undefined) {
    if (named === undefined) return undefined;
    throw new SpecError(
      `${place}: x-sdk-host ${named} needs its server at the top of the file: servers: [{ url: ${HOSTS[named]} }]`,
    );
  }
  const host = hostOfServer(server);
  if (host === undefined) {
    throw new SpecError(
      `${place}: servers declares ${server}, which is no host the client knows (${listed}); leave servers out for the root's server`,
    );
  }
  if (named !== undefined && named !== host) {
    throw new SpecError(`${place}: x-sdk-host ${named} does not match its server, which is ${host}'s (${server})`);
  }
  return host;
}

/** The root's `x-sdk-hosts` names only hosts the client knows: the error responses of a typo would be silently unused. */
export function checkRootHosts(bundle: Bundle): void {
  for (const host of bundle.hosts) {
    if (!Object.hasOwn(HOSTS, host)) {
      throw new SpecError(
        `webex.yaml: x-sdk-hosts names ${JSON.stringify(host)}, which is no host the client knows (${listed})`,
      );
    }
  }
}

/** An operation or path that declares a server of its own: refused, since a host is chosen per file. */
export function checkOwnServer(op: SpecOperation, fileServer: string | undefined): void {
  if (op.server === undefined || op.server === fileServer) return;
  throw new SpecError(
    `${operationPlace(op)}: declares the server ${op.server} on its path or operation; a server is declared once, at the top of a resource file`,
  );
}
