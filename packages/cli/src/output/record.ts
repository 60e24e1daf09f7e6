import type { Context } from '../command.js';
import { write } from '../io.js';

/**
 * Prints one object: as JSON with `--json`, else as aligned `label  value`
 * lines (empty values left out).
 */
export async function printRecord(
  context: Context,
  value: unknown,
  fields: [label: string, value: string | undefined][],
): Promise<void> {
  if (context.format !== 'table') return write(context.io.stdout, `${JSON.stringify(value, null, 2)}\n`);
  const shown = fields.filter(([, field]) => field);
  const width = Math.max(...shown.map(([label]) => label.length));
  await write(context.io.stdout, shown.map(([label, field]) => `${label.padEnd(width)}  ${field}\n`).join(''));
}
