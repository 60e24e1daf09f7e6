// The scenario's operation table is checked against the client's own `OperationInfo`, as the repository's is.
export type { OperationInfo, PagingConfig } from '../../../../../../../client/src/core/operation-info.js';
