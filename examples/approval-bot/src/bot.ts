// The approval bot: posts a card asking to approve a deploy, takes the answer from the card submit, answers in the
// thread; and saves the files people post in the room, answering in their thread with what it got.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import {
  adaptiveCard,
  cardInputIds,
  createWebhookReceiver,
  FileInfectedError,
  FileTooLargeError,
  FileUnscannableError,
  md,
  mention,
  typedInputs,
  WebexApiError,
  WebexTimeoutError,
  WebexValidationError,
  type AttachmentAction,
  type Message,
  type ReceivedMessage,
  type ReceivedWebhookEvent,
  type Webex,
  type WebhookReceiver,
} from '@webex-ts/client';
import { saveFile, type WrittenFile } from './files.js';

/** The deploy to approve. */
export interface Deploy {
  build: string;
  environment: string;
}

/** What the bot needs. */
export interface ApprovalBotOptions {
  webex: Webex;
  /** The room the approval requests go to. */
  roomId: string;
  /** The secret the webhooks were registered with. */
  secret: string;
  /** The bot's own person id, so that it ignores its own messages. */
  botId?: string;
  /** Where files posted in the room are saved (created when missing). No default: the caller decides where they land. */
  downloadDir: string;
  /** The largest file the bot takes, in bytes; default 100 MB. A bigger one is refused, and nothing of it kept. */
  maxFileBytes?: number;
  /** Hears deliveries that failed (the receiver answered 500) and files that could not be taken. */
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

const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;
// Webex waits for the answer to a delivery while the file downloads; past this the download is given up.
const DOWNLOAD_DEADLINE_MS = 2 * 60_000;

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

const CARD_IDS = cardInputIds(approvalCard({ build: '', environment: '' }));

/** The bot: `requestApproval` posts the card; `receiver` takes the webhook deliveries; `listen` serves it over node:http. */
export function createApprovalBot(options: ApprovalBotOptions) {
  const { webex, roomId } = options;
  const save = { dir: downloadDirOf(options), maxBytes: maxFileBytesOf(options), deadline: DOWNLOAD_DEADLINE_MS };
  const decisions: Decision[] = [];
  const files: ReceivedFile[] = [];

  async function onCardSubmit(action: AttachmentAction): Promise<void> {
    // Webex merges the submit button's `data` into `inputs`, so `build` comes with the card's own inputs.
    const { decision, comment, build } = typedInputs(action, [...CARD_IDS, 'build']);
    const approved = decision === 'approve';
    const who = mention.person(action.personId!);
    const markdown = comment.trim()
      ? md`${who} ${approved ? 'approved' : 'rejected'} the deploy of build ${build}: “${comment.trim()}”`
      : md`${who} ${approved ? 'approved' : 'rejected'} the deploy of build ${build}.`;
    const reply = await webex.messages.reply({ id: action.messageId, roomId: action.roomId! }, { markdown });
    decisions.push({ build, approved, comment, approverId: action.personId!, reply });
  }

  async function onMessage(message: ReceivedMessage): Promise<void> {
    // Files from elsewhere (a 1:1 with the bot, another room) are not this bot's business, and would let anyone fill its disk.
    if (message.roomId !== roomId) return;
    for (const url of message.files ?? []) await takeFile(message, url);
  }

  /** Saves one file and says so in the message's thread; a file it cannot take is answered too, and reported, not thrown. */
  async function takeFile(message: ReceivedMessage, url: string): Promise<void> {
    let written: WrittenFile;
    try {
      written = await saveFile(webex, url, save);
    } catch (error) {
      options.onError?.(error);
      // Answered 200 all the same: Webex delivering the message again would not make the file any more takeable.
      await webex.messages.reply(message, { text: `Could not take the file: ${whyNotTaken(error)}.` });
      return;
    }
    // Plain text, not markdown: the name is the sender's choice, so it cannot format the answer or mention anyone.
    const reply = await webex.messages.reply(message, {
      text: `Received ${written.name} (${formatBytes(written.size)}).`,
    });
    files.push({ ...written, url, messageId: message.id, senderId: message.personId!, reply });
  }

  const receiver: WebhookReceiver = createWebhookReceiver({
    webex,
    secret: options.secret,
    ...(options.botId ? { botId: options.botId } : {}),
    async onEvent(event: ReceivedWebhookEvent) {
      if (event.type === 'attachmentAction') await onCardSubmit(event.action);
      else if (event.type === 'message') await onMessage(event.message);
    },
    onError: (error) => options.onError?.(error),
  });

  return {
    decisions,
    /** The files saved so far, in the order they were posted. */
    files,
    receiver,
    /** Posts the card in the room; `text` is what clients that cannot show cards display. */
    requestApproval(deploy: Deploy): Promise<Message> {
      return webex.messages.create({
        roomId,
        text: `Approve the deploy of build ${deploy.build} to ${deploy.environment}? Open this message in a Webex app to answer.`,
        card: approvalCard(deploy),
      });
    },
    /** Serves the receiver on `port` (0: any free one); resolves with the server and its URL. */
    async listen(port: number, host = '127.0.0.1'): Promise<{ server: Server; url: string }> {
      const server = createServer(receiver.node);
      await new Promise<void>((resolve) => server.listen(port, host, resolve));
      const { port: bound } = server.address() as AddressInfo;
      return { server, url: `http://${host}:${bound}/` };
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
