// The settings of a run, read from the environment: pure, so every rule is a row of a table test.
import type { Approvers, Deploy } from './bot.js';
import type { TransportChoice } from './transport.js';

/** How the webhook transport is served: Webex posts to `publicUrl`, which reaches this process on `port`. */
export interface WebhookServing {
  publicUrl: string;
  port: number;
}

/** Everything a run needs. */
export interface Config {
  accessToken: string;
  roomId: string;
  transport: TransportChoice;
  /** With the webhook transport only. */
  serving: WebhookServing | undefined;
  downloadDir: string;
  maxFileBytes: number | undefined;
  approvers: Approvers;
  /** A card to post at start (as a CI step would), when `BUILD` is set. */
  deploy: Deploy | undefined;
}

/** The configuration, or every problem with the environment (not only the first). */
export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** What to set, for the message that lists the problems. */
export const USAGE = `Settings (environment variables):
  WEBEX_ACCESS_TOKEN   the bot's token (developer.webex.com → My Apps → Create a bot)
  WEBEX_ROOM_ID        the room the bot works in (add the bot to it first)
  TRANSPORT            webhook (default; Webex must reach PUBLIC_URL) or socket (experimental; no public URL)
  PUBLIC_URL           webhook: where Webex posts, e.g. https://<your tunnel>/
  WEBHOOK_SECRET       webhook: any long random string; deliveries are signed with it
  PORT                 webhook: the port PUBLIC_URL reaches (default 8080)
  DEVICE_NAME          socket: the device the bot registers (default approval-bot)
  APPROVERS            who may use the bot, comma-separated emails or person ids (default: anyone in the room)
  APPROVER_DOMAINS     … or their email domains, comma-separated (example.com)
  DOWNLOAD_DIR         where posted files are saved (default ./downloads)
  MAX_FILE_MB          the largest file taken, in MB (default 100)
  BUILD, ENVIRONMENT   post an approval card for this build at start (environment default production)`;

type Env = Readonly<Record<string, string | undefined>>;

/** Reads the settings from `env` (`process.env`); an empty variable counts as unset. */
export function readConfig(env: Env): ConfigResult {
  const problems: string[] = [];
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const required = (name: string, what: string): string => {
    const value = get(name);
    if (value === undefined) problems.push(`${name} is not set: ${what}`);
    return value ?? '';
  };

  const accessToken = required('WEBEX_ACCESS_TOKEN', "the bot's access token");
  const roomId = required('WEBEX_ROOM_ID', 'the id of the room the bot works in');

  const kind = get('TRANSPORT') ?? 'webhook';
  let transport: TransportChoice = { kind: 'socket', deviceName: get('DEVICE_NAME') ?? 'approval-bot' };
  let serving: WebhookServing | undefined;
  if (kind === 'webhook') {
    const publicUrl = required('PUBLIC_URL', 'the https URL Webex posts to (a tunnel to PORT will do)');
    if (publicUrl && !/^https?:\/\/[^/]/i.test(publicUrl))
      problems.push(`PUBLIC_URL should be an http(s) URL such as https://bot.example.com/, got ${publicUrl}`);
    const secret = required('WEBHOOK_SECRET', 'a long random string that signs the deliveries');
    const port = wholeNumber(get('PORT') ?? '8080', 'PORT', problems, { min: 0, max: 65_535 });
    transport = { kind: 'webhook', secret };
    serving = { publicUrl, port };
  } else if (kind !== 'socket') {
    problems.push(`TRANSPORT should be webhook or socket, got ${kind}`);
  }

  const maxFileMb = get('MAX_FILE_MB');
  let maxFileBytes: number | undefined;
  if (maxFileMb !== undefined) {
    const mb = Number(maxFileMb);
    if (!Number.isFinite(mb) || mb <= 0)
      problems.push(`MAX_FILE_MB should be a number of megabytes above 0, such as 25, got ${maxFileMb}`);
    else maxFileBytes = Math.round(mb * 1024 * 1024);
  }

  const approvers: Approvers = {};
  const people = list(get('APPROVERS'), 'APPROVERS', problems);
  const domains = list(get('APPROVER_DOMAINS'), 'APPROVER_DOMAINS', problems);
  if (people) approvers.people = people;
  if (domains) approvers.domains = domains;

  const build = get('BUILD');
  const deploy = build === undefined ? undefined : { build, environment: get('ENVIRONMENT') ?? 'production' };

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      accessToken,
      roomId,
      transport,
      serving,
      downloadDir: get('DOWNLOAD_DIR') ?? 'downloads',
      maxFileBytes,
      approvers,
      deploy,
    },
  };
}

/** `a@x.com, b@y.com` → both; unset → undefined (no rule). A list of nothing (`,`) is a mistake, not "no one". */
function list(value: string | undefined, name: string, problems: string[]): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) problems.push(`${name} lists no one; give comma-separated entries, or leave it unset`);
  return items;
}

function wholeNumber(text: string, name: string, problems: string[], range: { min: number; max: number }): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < range.min || value > range.max)
    problems.push(`${name} should be a whole number from ${range.min} to ${range.max}, got ${text}`);
  return value;
}
