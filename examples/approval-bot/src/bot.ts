// The approval bot on @webex-ts/bot: `deploy <build> [environment]` (or `requestApproval`) posts a card asking the room
// to approve a deploy, and the submit is answered in the card's thread, mentioning the approver; files posted in the
// room are saved to disk and answered in their thread. Access rules keep it to its room (and to its approvers).
import { resolve } from 'node:path';
import {
  adaptiveCard,
  cardInputIds,
  FileInfectedError,
  FileTooLargeError,
  FileUnscannableError,
  md,
  mention,
  WebexApiError,
  WebexTimeoutError,
  WebexValidationError,
  type Message,
  type Webex,
} from '@webex-ts/client';
import { createBot, type Bot, type BotTransport, type MessageContext } from '@webex-ts/bot';
import { saveFile, type WrittenFile } from './files.js';

/** The deploy to approve. */
export interface Deploy {
  build: string;
  environment: string;
}

/** Who may use the bot besides being in its room: person ids or emails, and email domains. Unset: everyone in the room. */
export interface Approvers {
  people?: readonly string[];
  domains?: readonly string[];
}

/** What the bot needs. */
export interface ApprovalBotOptions {
  webex: Webex;
  /** Where events come from: `webhookTransport({ secret })` or the (experimental) `socketTransport`; see `transport.ts`. */
  transport: BotTransport;
  /** The room the bot works in: approval requests go there, and only its messages, submits and files are taken. */
  roomId: string;
  /** Who may ask for, approve or post files; unset, anyone in the room may. */
  approvers?: Approvers;
  /** Where files posted in the room are saved (created when missing). No default: the caller decides where they land. */
  downloadDir: string;
  /** The largest file the bot takes, in bytes; default 100 MB. A bigger one is refused, and nothing of it kept. */
  maxFileBytes?: number;
  /** Hears handler failures and files that could not be taken. Default: `console.error`. */
  onError?: (error: unknown) => void;
}

/** One answered request. */
export interface Decision {
  build: string;
  approved: boolean;
  comment: string;
  /** Who pressed the button. */
  approverId: string;
  /** The bot's answer in the card's thread. */
  reply: Message;
}

/** One file posted in the room and saved. */
export interface ReceivedFile extends WrittenFile {
  /** The URL from the message's `files`. */
  url: string;
  /** The message that carried it. */
  messageId: string;
  /** Who posted it. */
  senderId: string;
  /** The bot's answer in the message's thread. */
  reply: Message;
}

/** The approval bot: the framework's `bot` (start and stop it), what it decided and saved, and `requestApproval`. */
export interface ApprovalBot {
  bot: Bot;
  decisions: Decision[];
  /** The files saved so far, in the order they were posted. */
  files: ReceivedFile[];
  /** Posts the approval card in the room (a CI step's way in; people say `deploy <build>`). */
  requestApproval(deploy: Deploy): Promise<Message>;
}

/** The stable id the card carries in its submit data: submits find their handler even after a restart. */
export const APPROVAL_CARD_ID = 'deploy-approval';

const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;
// The download runs while the event is being handled (and, over webhooks, while Webex waits for the answer).
const DOWNLOAD_DEADLINE_MS = 2 * 60_000;
// Builds and environments end up on a card and in the answer: a tag-like word, nothing that could format either.
const WORD = /^[\w.-]{1,64}$/;
const GREETING =
  'Hi! Mention me with `deploy 412 production` to ask this room to approve a deploy, ' +
  'and post files with a mention for me to keep. Say `help` for the commands.';

/** The card: a choice, a comment, and the build in the submit's data so the answer names what it approves. */
export function approvalCard(deploy: Deploy) {
  return adaptiveCard({
    type: 'AdaptiveCard',
    version: '1.3',
    body: [
      { type: 'TextBlock', text: 'Deploy approval', size: 'large', weight: 'bolder' },
      {
        type: 'FactSet',
        facts: [
          { title: 'Build', value: deploy.build },
          { title: 'Environment', value: deploy.environment },
        ],
      },
      {
        type: 'Input.ChoiceSet',
        id: 'decision',
        style: 'expanded',
        value: 'approve',
        choices: [
          { title: 'Approve', value: 'approve' },
          { title: 'Reject', value: 'reject' },
        ],
      },
      { type: 'Input.Text', id: 'comment', placeholder: 'Comment (optional)', isMultiline: true },
    ],
    actions: [{ type: 'Action.Submit', title: 'Send', data: { build: deploy.build } }],
  });
}

// Webex merges the submit button's `data` into `inputs`, so `build` comes with the card's own inputs.
const SUBMIT_IDS = [...cardInputIds(approvalCard({ build: '', environment: '' })), 'build'] as const;

/** What clients that cannot show cards display instead. */
function fallbackText({ build, environment }: Deploy): string {
  return `Approve the deploy of build ${build} to ${environment}? Open this message in a Webex app to answer.`;
}

/** The bot, not started: `await approval.bot.start()`, then serve or connect the transport. */
export function createApprovalBot(options: ApprovalBotOptions): ApprovalBot {
  const { webex, roomId } = options;
  const save = { dir: downloadDirOf(options), maxBytes: maxFileBytesOf(options), deadline: DOWNLOAD_DEADLINE_MS };
  const report = options.onError ?? ((error: unknown) => console.error('approval-bot:', error));
  const decisions: Decision[] = [];
  const files: ReceivedFile[] = [];

  const bot = createBot({
    webex,
    transport: options.transport,
    // Checked before any handler, the greeting included: other rooms (a 1:1 too) and other people get nothing.
    access: { rooms: [roomId], ...options.approvers },
    greeting: GREETING,
    onError: (error) => report(error),
  });

  bot.command(
    'deploy',
    async (ctx) => {
      const [build, environment = 'production'] = ctx.args;
      if (build === undefined || !WORD.test(build) || !WORD.test(environment))
        return ctx.reply('Say which build, and where to: `deploy 412 production`.');
      const deploy = { build, environment };
      // In the command's thread, so the request, the card and the answer stay together.
      await ctx.sendCard(approvalCard(deploy), {
        fallbackText: fallbackText(deploy),
        cardId: APPROVAL_CARD_ID,
        inThread: true,
      });
    },
    { description: 'Asks this room to approve deploying a build', usage: '<build> [environment]' },
  );

  bot.onCardSubmit(
    APPROVAL_CARD_ID,
    async (ctx) => {
      // `values` checks that each input is there: a submit missing one goes to onError, unanswered.
      const { decision, comment, build } = ctx.values;
      const approved = decision === 'approve';
      const who = mention.person(ctx.sender.id);
      const verdict = approved ? 'approved' : 'rejected';
      // md escapes what was typed: a comment can neither mention anyone nor format the answer.
      const markdown = comment.trim()
        ? md`${who} ${verdict} the deploy of build ${build}: “${comment.trim()}”`
        : md`${who} ${verdict} the deploy of build ${build}.`;
      const reply = await ctx.reply(markdown);
      decisions.push({ build, approved, comment, approverId: ctx.sender.id, reply });
    },
    { inputs: SUBMIT_IDS },
  );

  // Every message the access rules let through, before commands: its files, whatever its text.
  bot.on('message', async (ctx) => {
    for (const url of ctx.files) await takeFile(ctx, url);
  });

  /** Saves one file and says so in the message's thread; a file it cannot take is answered too, and reported. */
  async function takeFile(ctx: MessageContext, url: string): Promise<void> {
    let written: WrittenFile;
    try {
      written = await saveFile(ctx.webex, url, { ...save, signal: ctx.signal });
    } catch (error) {
      report(error);
      await ctx.reply({ text: `Could not take the file: ${whyNotTaken(error)}.` });
      return;
    }
    // Plain text, not markdown: the name is the sender's choice, so it cannot format the answer or mention anyone.
    const reply = await ctx.reply({ text: `Received ${written.name} (${formatBytes(written.size)}).` });
    files.push({ ...written, url, messageId: ctx.message.id, senderId: ctx.sender.id, reply });
  }

  return {
    bot,
    decisions,
    files,
    requestApproval(deploy: Deploy): Promise<Message> {
      return bot.sendCard(roomId, approvalCard(deploy), {
        fallbackText: fallbackText(deploy),
        cardId: APPROVAL_CARD_ID,
      });
    },
  };
}

function downloadDirOf({ downloadDir }: ApprovalBotOptions): string {
  if (typeof downloadDir !== 'string' || downloadDir.trim() === '')
    throw new TypeError('createApprovalBot: downloadDir should name the directory where posted files are saved');
  // Absolute now, so that the paths the bot reports do not depend on a later change of working directory.
  return resolve(downloadDir);
}

function maxFileBytesOf({ maxFileBytes = DEFAULT_MAX_FILE_BYTES }: ApprovalBotOptions): number {
  if (!Number.isSafeInteger(maxFileBytes) || maxFileBytes < 0)
    throw new TypeError(
      `createApprovalBot: maxFileBytes should be a whole number of bytes, got ${String(maxFileBytes)}`,
    );
  return maxFileBytes;
}

/** What the sender is told; the details (status, tracking id) go to onError, for whoever runs the bot. */
function whyNotTaken(error: unknown): string {
  if (error instanceof FileInfectedError) return 'malware scanning found it infected';
  if (error instanceof FileUnscannableError) return 'it could not be scanned for malware';
  if (error instanceof FileTooLargeError) return `it is larger than ${formatBytes(error.maxBytes)}`;
  if (error instanceof WebexApiError && error.status === 423)
    return 'it is still being scanned for malware; post it again later';
  if (error instanceof WebexTimeoutError) return 'the download took too long';
  if (error instanceof WebexValidationError) return 'its link does not point at Webex';
  return 'it could not be downloaded or saved';
}

/** `293.0 KB`, `1 byte`. */
function formatBytes(bytes: number): string {
  if (bytes < 1024) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
