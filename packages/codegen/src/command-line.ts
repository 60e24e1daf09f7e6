import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** The options one command declares, as `node:util`'s parseArgs takes them. */
export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

/** One command's arguments, parsed: positionals and the values of its options. */
export interface ParsedCommand {
  positionals: string[];
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
}

/** The option every command takes. */
const ROOT_OPTION: CommandOptions = { root: { type: 'string' } };

/**
 * One command's arguments (after the command name), parsed with its own options and `--root`; undefined,
 * after printing why and the usage, when they cannot be (an unknown option, a missing value).
 */
export function parseCommand(args: string[], options: CommandOptions, usage: string): ParsedCommand | undefined {
  try {
    const parsed = parseArgs({ args, options: { ...ROOT_OPTION, ...options }, allowPositionals: true, strict: true });
    return { positionals: parsed.positionals, values: parsed.values };
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return undefined;
  }
}

/** The repository root: `--root` when given, else the nearest folder above the working directory with a pnpm-workspace.yaml. */
export function repositoryRoot(values: ParsedCommand['values']): string {
  if (typeof values.root === 'string') return resolve(values.root);
  let dir = process.cwd();
  while (!existsSync(resolve(dir, 'pnpm-workspace.yaml'))) {
    const parent = resolve(dir, '..');
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/** The values of an option that may be given several times (`--tag A --tag B`). */
export function manyValues(values: ParsedCommand['values'], name: string): string[] {
  const value = values[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
}
