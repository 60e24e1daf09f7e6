// Command lines and help: what a message asks for, and the list of what the bot can do. Pure functions.

/** One line of the help: a command, or a pattern given a description. */
export interface HelpEntry {
  /** The command's name (`deploy`), or how to say a pattern (`deploy <env> to prod`). */
  name: string;
  /** Other names the command answers to. */
  aliases: readonly string[];
  /** What follows the name, shown after it: `<environment> [build]`. */
  usage: string | undefined;
  description: string | undefined;
}

/** A message's text split into a command word and what follows. */
export interface CommandLine {
  /** The first word, lower-cased, without a leading `/`: `deploy` for `/Deploy prod`. Empty for an empty text. */
  word: string;
  /** The rest of the text, trimmed: `prod "build 42"`. */
  rest: string;
  /** The rest split into words; "double quotes" keep spaces: `['prod', 'build 42']`. */
  args: string[];
}

/** Splits a message's text (its mention already stripped) into a command word and arguments. */
export function parseCommandLine(text: string): CommandLine {
  const trimmed = text.trim();
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!match) return { word: '', rest: '', args: [] };
  const rest = match[2]!.trim();
  return { word: commandName(match[1]!), rest, args: splitArgs(rest) };
}

/** A command name as it is matched: lower case, without a leading `/`. */
export function commandName(word: string): string {
  return word.trim().replace(/^\//, '').toLocaleLowerCase();
}

/** Words separated by white space; a "double-quoted" or “curly-quoted” part is one word without its quotes. */
export function splitArgs(rest: string): string[] {
  const args: string[] = [];
  for (const [, quoted, curly, plain] of rest.matchAll(/"([^"]*)"|“([^”]*)”|(\S+)/g))
    args.push(quoted ?? curly ?? plain!);
  return args;
}

/** Options of {@link helpText}. */
export interface HelpTextOptions {
  /** The first line; default `Here is what I can do:`. */
  title?: string;
}

/**
 * The help as markdown: a title and one bullet per entry, `**name** usage — description`.
 * Names and usage are shown as code so that `<env>` and `*` are not read as markdown.
 */
export function helpText(entries: readonly HelpEntry[], options: HelpTextOptions = {}): string {
  const title = options.title ?? 'Here is what I can do:';
  const lines = entries.map(({ name, aliases, usage, description }) => {
    const head = ['`', name, usage ? ` ${usage}` : '', '`'].join('').replace(/^``$/, '');
    const also = aliases.length ? ` (or ${aliases.map((alias) => `\`${alias}\``).join(', ')})` : '';
    return `- ${head}${also}${description ? ` — ${description}` : ''}`;
  });
  return [title, '', ...lines].join('\n');
}
