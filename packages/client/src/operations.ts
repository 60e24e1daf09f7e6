// `@webex-ts/client/operations`: the operation table as data, for tools that call or describe operations by name
// (the `webex api` command, the mock's contract checks). An entry of its own, so `new Webex()` never carries it.
export { operations, type OperationName } from './gen/operations.gen.js';
export type { OperationInfo, PagingConfig, ParameterInfo, ScalarType } from './core/operation-info.js';
