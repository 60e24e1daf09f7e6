import { GLOBAL_OPTIONS, type OptionSpecs } from './args.js';
import type { Command } from './command.js';

const FOOTER = `Run "webex <command> --help" for its options.
Any other API call: webex api <resource>.<method> (webex api --list lists them all).
Exit codes: 0 done, 1 the API answered with an error, 2 bad command line or no token.`;

/** The list of commands (all of them, or one group's, such as `rooms`). */
export function overview(commands: Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length + synopsisArgs(command).length));
  const lines = commands.map(
    (command) => `  ${`${command.name}${synopsisArgs(command)}`.padEnd(width)}  ${firstSentence(command.description)}`,
  );
  return `Usage: webex <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nOptions:\n${optionLines({ ...GLOBAL_OPTIONS, version: { type: 'boolean', help: 'print the version' } })}\n\n${FOOTER}\n`;
}

/** `webex <command> --help`. */
export function help(command: Command): string {
  return `Usage: webex ${command.synopsis}\n\n${command.description}\n\nOptions:\n${optionLines({ ...command.options, ...GLOBAL_OPTIONS })}\n`;
}

function optionLines(options: OptionSpecs): string {
  const names = Object.entries(options).map(([name, spec]) => [
    `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.arg ? ` ${spec.arg}` : ''}`,
    spec.help,
  ]);
  const width = Math.max(...names.map(([name]) => name!.length));
  return names.map(([name, text]) => `  ${name!.padEnd(width)}  ${text}`).join('\n');
}

const synopsisArgs = (command: Command) => (command.args ?? []).map((arg) => ` ${arg}`).join('');
const firstSentence = (text: string) => text.split(/(?<=\.)\s/)[0]!;
