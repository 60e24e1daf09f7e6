// `@webex-ts/client/operations`: the operation table as data, for tools that call or describe operations by name
// (the `webex api` command, the mock's contract checks). An entry of its own, so `new Webex()` never carries it.
export { operations, type OperationName } from './gen/operations.gen.js';
export type { HostName, OperationInfo, PagingConfig, ParameterInfo, ScalarType } from './core/operation-info.js';
// The checks an operation's `check` names, by name: what a caller of the table passes as the input's `check`.
export { operationChecks } from './checks.js';
// The paging factory that reads an operation's `paging` as data: what a caller of the table hands `core.list`.
export { anyPaging } from '@webex-ts/paginate';
