import type { Webex, WebexOptions } from '@webex-ts/client';
import type { OptionSpecs, Values } from './args.js';
import type { Io } from './io.js';

/** How results are printed: aligned table (for people), one JSON document, or one JSON object per line. */
export type Format = 'table' | 'json' | 'ndjson';

/** What a command runs with. */
export interface Context {
  values: Values;
  /** Positional arguments after the command's name. */
  args: string[];
  io: Io;
  format: Format;
  /** The client; throws `NoTokenError` when there is no token, so commands call it after checking their arguments. */
  webex(): Webex;
  /** The options `webex()` is made with, for commands that build their own core; throws like `webex()`. */
  clientOptions(): WebexOptions;
}

/** One `webex …` command. */
export interface Command {
  /** The words that name it: `rooms list`. */
  name: string;
  /** What follows `webex` in the usage line. */
  synopsis: string;
  description: string;
  /** Its own options; the global ones are added. */
  options: OptionSpecs;
  /** Names of its positional arguments: `['<title>']`; one in brackets is optional (`['[<filter>]']`). */
  args?: string[];
  run(context: Context): Promise<void>;
}
