import type { Context } from '../command.js';
import { write } from '../io.js';
import { oneLine, toJson } from './printable.js';

/**
 * Prints one object: as JSON with `--json`, else as aligned `label  value`
 * lines (empty values left out, each value on one line without control characters).
 */
export async function printRecord(
  context: Context,
  value: unknown,
  fields: [label: string, value: string | undefined][],
): Promise<void> {
  if (context.format !== 'table') return write(context.io.stdout, `${toJson(value, 2)}\n`);
  const shown = fields
    .map(([label, field]): [string, string] => [label, oneLine(field ?? '')])
    .filter(([, field]) => field);
  const width = Math.max(...shown.map(([label]) => label.length));
  await write(context.io.stdout, shown.map(([label, field]) => `${label.padEnd(width)}  ${field}\n`).join(''));
}
