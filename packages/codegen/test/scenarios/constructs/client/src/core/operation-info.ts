// The scenario's operation table is checked against the client's own `OperationInfo`, as the repository's is; its
// `paging` is `@webex-ts/paginate`'s `PagingConfig`, the one paging type. Host paths are typed by its `HostName`.
export type { HostName, OperationInfo } from '../../../../../../../client/src/core/operation-info.js';
