// The table of operations `webex api` can call: names from the generated client, parameters from the spec.
import { recordCalls, type RecordedCall } from './record.js';
import { loadSpec, operationSpec, type OperationSpec } from './spec.js';

/** One callable operation. */
export type Operation = RecordedCall & OperationSpec;

let table: Map<string, Operation> | undefined;

/** Every generated operation by name (`workspaces.list`), built once per process. */
export function operations(): Map<string, Operation> {
  if (table) return table;
  const spec = loadSpec();
  table = new Map();
  for (const call of recordCalls()) {
    const found = operationSpec(spec, call.method, call.path);
    // The client was generated from this very spec, so a miss means the two were built from different versions.
    if (!found)
      throw new Error(
        `${call.name} calls ${call.method.toUpperCase()} ${call.path}, which the bundled spec does not have`,
      );
    table.set(call.name, { ...call, ...found });
  }
  return table;
}
