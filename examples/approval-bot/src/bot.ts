// The approval bot: posts a card asking to approve a deploy, takes the answer from the card submit, answers in the thread.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  adaptiveCard,
  cardInputIds,
  createWebhookReceiver,
  md,
  mention,
  typedInputs,
  type AttachmentAction,
  type Message,
  type ReceivedWebhookEvent,
  type Webex,
  type WebhookReceiver,
} from '@webex-ts/client';

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
  /** Hears deliveries that failed (the receiver answered 500). */
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
  const decisions: Decision[] = [];

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

  const receiver: WebhookReceiver = createWebhookReceiver({
    webex,
    secret: options.secret,
    ...(options.botId ? { botId: options.botId } : {}),
    async onEvent(event: ReceivedWebhookEvent) {
      if (event.type === 'attachmentAction') await onCardSubmit(event.action);
    },
    onError: (error) => options.onError?.(error),
  });

  return {
    decisions,
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
