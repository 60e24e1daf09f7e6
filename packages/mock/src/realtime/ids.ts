// Cluster presets and REST ids: unpadded base64url of `ciscospark://<region>/<TYPE>/<uuid>`.
import { decodeId, encodeId, type WebexId } from '@webex-ts/client';
import type { ClusterName, FakeCluster } from './types.js';

const CLUSTERS: Record<ClusterName, FakeCluster> = {
  us: { name: 'us', catalogPrefix: 'urn:TEAM:us-east-2_a', idRegion: 'us' },
  // Outside us-east-2_a, the REST region is the catalog id's first three colon parts.
  eu: { name: 'eu', catalogPrefix: 'urn:TEAM:eu-central-1_k', idRegion: 'urn:TEAM:eu-central-1_k' },
};

/** The preset of a cluster name; throws on an unknown one. */
export function clusterOf(name: ClusterName): FakeCluster {
  const cluster = CLUSTERS[name];
  if (!cluster)
    throw new Error(`startRealtimeFake: cluster must be one of ${Object.keys(CLUSTERS).join(', ')} (got ${name})`);
  return { ...cluster };
}

/** The REST id of an object: `restId('MESSAGE', uuid, 'us')`. The uuid part may hold `/` (CONTENT ids). */
export function restId(type: string, uuid: string, region: string): string {
  if (!uuid.includes('/')) return encodeId({ type, uuid, region });
  return Buffer.from(`ciscospark://${region}/${type}/${uuid}`, 'utf8').toString('base64url');
}

/** Reads an id from a request path as Webex would: padded and standard-alphabet base64 too; undefined for a raw UUID. */
export function readRestId(id: string): WebexId | undefined {
  const normal = id.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  try {
    return decodeId(normal);
  } catch {
    return undefined;
  }
}
