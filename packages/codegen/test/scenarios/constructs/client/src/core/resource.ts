// The scenario's generated resources are checked against the client's own contract, as the repository's are.
export type { RequestOptions, ResourceCore } from '../../../../../../../client/src/core/resource.js';
