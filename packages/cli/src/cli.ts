import { Webex, type WebexOptions } from '@webex-ts/client';
import { GLOBAL_OPTIONS, parse, text, UsageError, type OptionSpecs } from './args.js';
import { clientOptions, TOKEN_OPTION_WARNING, tokenFrom } from './client.js';
import type { Command, Format } from './command.js';
import { COMMANDS } from './commands/index.js';
import { report } from './errors.js';
import { processIo, write, type Io } from './io.js';
import { help, overview } from './usage.js';
import { VERSION } from './version.js';

export type { Io, OutStream } from './io.js';

/** Every option of every command: enough to find the command before parsing its own options strictly. */
const ALL_OPTIONS: OptionSpecs = Object.assign({}, ...COMMANDS.map((command) => command.options), GLOBAL_OPTIONS, {
  version: { type: 'boolean', help: 'print the version' },
});

/** Runs `webex …` and returns the exit code: 0 done, 1 API error, 2 usage error. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  // The command or group a usage error is about: `webex rooms list: … (see webex rooms list --help)`.
  let scope: string | undefined;
  let token: string | undefined;
  try {
    const first = parse(argv, ALL_OPTIONS, false);
    token = tokenFrom(first.values, io.env);
    if (first.values.version) {
      await write(io.stdout, `${VERSION}\n`);
      return 0;
    }
    const command = findCommand(first.positionals);
    if (!command) {
      const [group, sub] = first.positionals;
      const related = COMMANDS.filter((candidate) => candidate.name.split(' ')[0] === group);
      if (related.length) scope = group;
      if (first.values.help && !sub && (!group || related.length)) {
        await write(io.stdout, overview(related.length ? related : COMMANDS));
        return 0;
      }
      if (!group) throw new UsageError('give a command');
      if (related.length && !sub)
        throw new UsageError(`give one of: ${related.map((candidate) => candidate.name.split(' ')[1]).join(', ')}`);
      throw new UsageError(`unknown command "${first.positionals.slice(0, related.length ? 2 : 1).join(' ')}"`);
    }
    scope = command.name;

    const { values, positionals } = parse(argv, { ...command.options, ...GLOBAL_OPTIONS });
    if (values.help) {
      await write(io.stdout, help(command));
      return 0;
    }
    const args = positionals.slice(command.name.split(' ').length);
    const expected = command.args ?? [];
    const required = expected.filter((name) => !name.startsWith('['));
    if (args.length < required.length) throw new UsageError(`missing ${required.slice(args.length).join(' ')}`);
    if (args.length > expected.length) throw new UsageError(`unexpected argument "${args[expected.length]}"`);
    if (values.json && values.ndjson) throw new UsageError('give only one of --json and --ndjson');
    const format: Format = values.ndjson ? 'ndjson' : values.json ? 'json' : 'table';

    if (text(values, 'token') !== undefined) io.stderr.write(TOKEN_OPTION_WARNING);
    let options: WebexOptions | undefined;
    const optionsOnce = () => {
      // Read once: a token file may be a pipe. Its token is the one error messages must not show.
      options ??= clientOptions(values, io);
      token = options.accessToken;
      return options;
    };
    await command.run({ values, args, io, format, clientOptions: optionsOnce, webex: () => new Webex(optionsOnce()) });
    return 0;
  } catch (error) {
    return report(error, io, { command: scope, token });
  }
}

/** The command named by the first one or two words. */
function findCommand(words: string[]): Command | undefined {
  const [first, second] = words;
  return (
    COMMANDS.find((command) => command.name === `${first} ${second}`) ??
    COMMANDS.find((command) => command.name === first)
  );
}
