// The bot: options, registration (commands, patterns, events, card routes), dispatch of each delivered event through
// addressing and access rules to its handlers, and the start/stop lifecycle with per-room queues.
import {
  commandText,
  type AdaptiveCard,
  type AttachmentActionEvent,
  type MembershipWebhookData,
  type Message,
  type MessageDestination,
  type OtherWebhookEvent,
  type ReceivedMessage,
  type ReceivedWebhookEvent,
  Webex,
} from '@webex-ts/client';
import { compileRules, needsEmail, refusal, type AccessRules, type RefusalReason } from './access.js';
import { cardIdOf, RecentMap } from './card-routes.js';
import { commandName, helpText, parseCommandLine, type HelpEntry } from './commands.js';
import {
  cardSubmitContext,
  eventContext,
  membershipContext,
  messageContext,
  messageDeletedContext,
  postCard,
  toContent,
  type BotContext,
  type CardSubmitContext,
  type CardSubmitHandler,
  type CommandContext,
  type Content,
  type ContextDeps,
  type EventContext,
  type HearsContext,
  type MembershipContext,
  type MessageContext,
  type MessageDeletedContext,
  type RoomRef,
  type SendCardOptions,
  type Sender,
  type SentCard,
} from './context.js';
import { BotUnavailableError } from './errors.js';
import { idKey, sameEmail, sameId } from './ids.js';
import { RoomQueues, type QueueLimits } from './queue.js';
import type { BotTransport } from './transport.js';

/** The events `bot.on` takes, with the context each handler gets. */
export interface BotEvents {
  /** Every message for the bot that passed the access rules, before commands are matched (commands still run). */
  message: MessageContext;
  /** A message was edited (`messages:updated`, where Webex sends it): the new version, fetched. */
  messageEdited: MessageContext;
  /** A message was deleted: ids only. */
  messageDeleted: MessageDeletedContext;
  /** The bot was added to a room (after the greeting, if one is set). */
  added: MembershipContext;
  /** The bot was removed from a room: it can no longer post there. */
  removed: MembershipContext;
  /** Someone else joined a room the bot is in. */
  memberJoined: MembershipContext;
  /** Someone else left (or was removed from) a room the bot is in. */
  memberLeft: MembershipContext;
  /** Any other event (rooms, meetings, membership updates, unknown resources). */
  other: EventContext;
}

/** What an event was, for `onRefused`. */
export type BotEventKind = keyof BotEvents | 'cardSubmit';

/** An event the access rules refused, as `onRefused` hears of it. */
export interface Refusal {
  /** `person`: who did it is not allowed; `room`: the room is not. */
  reason: RefusalReason;
  kind: BotEventKind;
  sender: Sender;
  room: RoomRef;
  event: ReceivedWebhookEvent;
}

/** Who the bot is, as `people.me()` said at start (or as given). */
export interface BotIdentity {
  id: string;
  email: string | undefined;
  displayName: string | undefined;
}

/** Options of {@link createBot}, besides the client. */
export interface BotSettings {
  /** Where events come from: `webhookTransport({ secret })`, or a websocket transport. */
  transport: BotTransport;
  /** The bot's person id; skips the `people.me()` lookup at start. */
  botId?: string;
  /** The bot's email, with `botId`. */
  botEmail?: string;
  /** The bot's display name, with `botId`: stripped from the start of messages (the html mention is used first). */
  botName?: string;
  /**
   * Who may use the bot, checked before any handler runs. **Without rules the bot answers anyone**: anyone can add
   * a bot to a room or message it 1:1. `refusal` is answered (in the thread) to refused messages and card submits;
   * by default a refused sender gets nothing.
   */
  access?: AccessRules & { refusal?: Content };
  /** Hears every refused event, for logs or alerts. */
  onRefused?: (refused: Refusal) => void | Promise<void>;
  /**
   * Hears every error: a handler that threw (with its context), an event the transport could not verify or fetch,
   * or one the bot could not take (`BotUnavailableError`; no context). The bot carries on. Default: `console.error`.
   */
  onError?: (error: unknown, ctx: BotContext | undefined) => void | Promise<void>;
  /** Which messages are for the bot: in group rooms only those that mention it, in 1:1 rooms all (the defaults). */
  requireMention?: { group?: boolean; direct?: boolean };
  /**
   * The help command, generated from the registered commands: `help` (or `/help`) answers by default.
   * `false` turns it off; `command` renames it; `title` changes its first line; `text` writes it yourself.
   */
  help?: false | { command?: string; title?: string; text?: (entries: readonly HelpEntry[]) => string };
  /** Posted in a room when the bot is added to it (before `added` handlers); none by default. */
  greeting?: Content;
  /** Bounds of the per-room queues: events of a room wait for each other; past a bound an event is refused (500). */
  queue?: QueueLimits;
  /** How many sent cards are remembered for `onSubmit` routing; default 1000. In memory only: lost on restart. */
  rememberCards?: number;
}

/** Options of {@link createBot}: the settings, and either an access token or a client. */
export type BotOptions = BotSettings &
  (
    | { /** The bot's token; a client is made with it. */ accessToken: string; webex?: never }
    | { /** The client to use (its token, base URL, retries). */ webex: Webex; accessToken?: never }
  );

/** Options of `bot.command`. */
export interface CommandOptions {
  /** One line for the help. */
  description?: string;
  /** What follows the name in the help: `<environment> [build]`. */
  usage?: string;
  /** Other names it answers to. */
  aliases?: readonly string[];
  /** Left out of the help. */
  hidden?: boolean;
}

/** Options of `bot.hears`. */
export interface HearsOptions {
  /** One line for the help; a pattern without it is not listed. */
  description?: string;
  /** How to say it, shown in the help; default the pattern's source. */
  usage?: string;
}

/** Options of `bot.stop`. */
export interface StopOptions {
  /** How long to wait for handlers in flight, in ms; default 10 000. */
  timeout?: number;
  /** Stops waiting when aborted, like the timeout. */
  signal?: AbortSignal;
}

/** What `bot.stop` did. */
export interface StopResult {
  /** Whether every event in flight was handled before the deadline. */
  drained: boolean;
  /** Events still waiting or running at the deadline: their handlers' `ctx.signal` was aborted, and they were not acknowledged. */
  abandoned: number;
}

type Handler<C> = (ctx: C) => unknown;

interface Command {
  name: string;
  aliases: string[];
  options: CommandOptions;
  handler: Handler<CommandContext>;
}

interface Pattern {
  pattern: RegExp;
  /** The pattern without `g` and `y`: `exec` then neither reads nor moves `lastIndex`, so one copy serves every message. */
  matcher: RegExp;
  options: HearsOptions;
  handler: Handler<HearsContext>;
}

interface CardRoute {
  handler: CardSubmitHandler<string>;
  inputs: AdaptiveCard<string> | readonly string[] | undefined;
}

type State = 'new' | 'running' | 'stopping' | 'stopped';

const DEFAULT_STOP_TIMEOUT = 10_000;
const DEFAULT_REMEMBER_CARDS = 1000;
// Emails learned for access rules that need one (card submits and membership events carry only ids).
const REMEMBER_EMAILS = 1000;
// After the stop deadline, how long the transport may take to close once every delivery has been settled.
const TRANSPORT_GRACE_MS = 1000;

/** Creates a bot; register handlers, then `await bot.start()`. */
export function createBot(options: BotOptions): Bot {
  return new Bot(options);
}

/** A Webex bot: commands, patterns, card submits and membership events, over any {@link BotTransport}. */
export class Bot {
  /** The client the bot posts and fetches with. */
  readonly webex: Webex;
  readonly #settings: BotSettings;
  readonly #rules: ReturnType<typeof compileRules>;
  readonly #commands = new Map<string, Command>();
  readonly #patterns: Pattern[] = [];
  readonly #fallbacks: Handler<MessageContext>[] = [];
  readonly #listeners = new Map<keyof BotEvents, Handler<never>[]>();
  readonly #cardRoutes = new Map<string, CardRoute>();
  readonly #unroutedCards: CardSubmitHandler<string>[] = [];
  readonly #cards: RecentMap<string, SentCard>;
  readonly #emails = new RecentMap<string, string | undefined>(REMEMBER_EMAILS);
  readonly #queue: RoomQueues;
  readonly #abort = new AbortController();
  /** How to give up on each delivery in flight: rejecters, each removed once its delivery settles. */
  readonly #inFlight = new Set<(error: BotUnavailableError) => void>();
  #state: State = 'new';
  #identity: BotIdentity | undefined;
  #starting: Promise<BotIdentity> | undefined;
  #stopping: Promise<StopResult> | undefined;

  /** Use {@link createBot}. */
  constructor(options: BotOptions) {
    if (!options || typeof options !== 'object')
      throw new TypeError('createBot: expected options, e.g. createBot({ accessToken, transport })');
    const { accessToken, webex, ...settings } = options as BotSettings & { accessToken?: string; webex?: Webex };
    if ((accessToken === undefined) === (webex === undefined)) {
      throw new TypeError(
        `createBot: give exactly one of accessToken or webex (got ${accessToken === undefined ? 'neither' : 'both'}), ` +
          'e.g. createBot({ accessToken: process.env.WEBEX_BOT_TOKEN!, transport })',
      );
    }
    const transport = settings.transport;
    if (!transport || typeof transport.start !== 'function' || typeof transport.stop !== 'function') {
      throw new TypeError(
        'createBot: expected a transport with start() and stop(), e.g. transport: webhookTransport({ secret })',
      );
    }
    this.webex = webex ?? new Webex({ accessToken: accessToken! });
    this.#settings = settings;
    this.#rules = compileRules(settings.access);
    this.#queue = new RoomQueues(settings.queue);
    this.#cards = new RecentMap(settings.rememberCards ?? DEFAULT_REMEMBER_CARDS);
    const help = settings.help;
    if (help !== undefined && help !== false && (typeof help !== 'object' || help === null))
      throw new TypeError(`createBot: help should be false or { command, title, text }, got ${typeof help}`);
  }

  /** Events waiting or being handled, in every room: for health checks and metrics. */
  get pending(): number {
    return this.#queue.size;
  }

  /** Who the bot is; known once `start()` has resolved. */
  get identity(): BotIdentity | undefined {
    return this.#identity;
  }

  /**
   * Runs `handler` when a message starts with `name` (or `/name`, or an alias), case-insensitive:
   * `bot.command('deploy', (ctx) => ctx.reply(\`Deploying ${ctx.args[0]}\`), { description: 'Deploys a build' })`.
   */
  command(name: string, handler: Handler<CommandContext>, options: CommandOptions = {}): this {
    if (typeof handler !== 'function')
      throw new TypeError(`bot.command: expected a handler function for "${name}", got ${typeof handler}`);
    const names = [name, ...(options.aliases ?? [])].map((each) => {
      if (typeof each !== 'string' || !/^\/?\S+$/.test(each.trim()))
        throw new TypeError(`bot.command: a command name is one word, like 'deploy', got ${JSON.stringify(each)}`);
      const key = commandName(each);
      if (this.#commands.has(key)) throw new TypeError(`bot.command: "${key}" is registered already`);
      return key;
    });
    const command: Command = { name: names[0]!, aliases: names.slice(1), options, handler };
    for (const key of names) this.#commands.set(key, command);
    return this;
  }

  /** Runs `handler` when a message (its mention stripped) matches `pattern`; commands are tried first, then patterns in order. */
  hears(pattern: RegExp, handler: Handler<HearsContext>, options: HearsOptions = {}): this {
    if (!(pattern instanceof RegExp))
      throw new TypeError(
        `bot.hears: expected a RegExp such as /^deploy (\\w+)/i, got ${typeof pattern}; for a word, use bot.command`,
      );
    if (typeof handler !== 'function')
      throw new TypeError(`bot.hears: expected a handler function, got ${typeof handler}`);
    const matcher = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
    this.#patterns.push({ pattern, matcher, options, handler });
    return this;
  }

  /** Runs `handler` for messages no command or pattern matched. */
  fallback(handler: Handler<MessageContext>): this {
    if (typeof handler !== 'function')
      throw new TypeError(`bot.fallback: expected a handler function, got ${typeof handler}`);
    this.#fallbacks.push(handler);
    return this;
  }

  /** Runs `handler` on an event: `bot.on('added', (ctx) => ctx.say('Hi'))`. */
  on<K extends keyof BotEvents>(event: K, handler: Handler<BotEvents[K]>): this {
    if (typeof handler !== 'function')
      throw new TypeError(`bot.on: expected a handler function for "${event}", got ${typeof handler}`);
    const list = this.#listeners.get(event) ?? [];
    list.push(handler as Handler<never>);
    this.#listeners.set(event, list);
    return this;
  }

  /**
   * Routes submits of cards that carry `cardId` (sent with `{ cardId }` or built with `withCardId`) to `handler`,
   * whenever they were sent. `inputs` (the card, or its input ids) types `ctx.values`.
   * Without an id, `handler` receives the submits nothing else claims.
   */
  onCardSubmit<const Inputs extends string = string>(
    cardId: string,
    handler: CardSubmitHandler<Inputs>,
    options?: { inputs?: AdaptiveCard<Inputs> | readonly Inputs[] },
  ): this;
  onCardSubmit(handler: CardSubmitHandler<string>): this;
  onCardSubmit(
    cardIdOrHandler: string | CardSubmitHandler<string>,
    handler?: CardSubmitHandler<string>,
    options: { inputs?: AdaptiveCard<string> | readonly string[] } = {},
  ): this {
    if (typeof cardIdOrHandler === 'function') {
      this.#unroutedCards.push(cardIdOrHandler);
      return this;
    }
    if (typeof cardIdOrHandler !== 'string' || cardIdOrHandler === '')
      throw new TypeError(`bot.onCardSubmit: expected a card id string, got ${JSON.stringify(cardIdOrHandler)}`);
    if (typeof handler !== 'function')
      throw new TypeError(
        `bot.onCardSubmit: expected a handler function for "${cardIdOrHandler}", got ${typeof handler}`,
      );
    if (this.#cardRoutes.has(cardIdOrHandler))
      throw new TypeError(`bot.onCardSubmit: card "${cardIdOrHandler}" has a handler already`);
    this.#cardRoutes.set(cardIdOrHandler, { handler, inputs: options.inputs });
    return this;
  }

  /** The help as markdown, from the registered commands (and patterns with a description). */
  helpText(): string {
    const help = this.#settings.help === false ? undefined : (this.#settings.help ?? {});
    const entries: HelpEntry[] = [];
    for (const command of new Set(this.#commands.values())) {
      if (command.options.hidden) continue;
      entries.push({
        name: command.name,
        aliases: command.aliases,
        usage: command.options.usage,
        description: command.options.description,
      });
    }
    for (const { pattern, options } of this.#patterns) {
      if (options.description)
        entries.push({
          name: options.usage ?? pattern.source,
          aliases: [],
          usage: undefined,
          description: options.description,
        });
    }
    const helpCommand = this.#helpCommand();
    if (helpCommand && !this.#commands.has(helpCommand))
      entries.push({ name: helpCommand, aliases: [], usage: undefined, description: 'Shows this list' });
    if (help?.text) return help.text(entries);
    return helpText(entries, help?.title === undefined ? {} : { title: help.title });
  }

  /** Posts to a room (its id) or a person (`{ toPersonEmail }`), outside any handler. */
  say(destination: string | MessageDestination, content: Content): Promise<Message> {
    return this.webex.messages.create(
      { ...toDestination(destination, 'bot.say'), ...toContent(content, 'bot.say') } as Parameters<
        Webex['messages']['create']
      >[0],
      { signal: this.#abort.signal },
    );
  }

  /** Posts a card to a room (its id) or a person, outside any handler; `onSubmit` or `cardId` route its submits. */
  sendCard<const Inputs extends string>(
    destination: string | MessageDestination,
    card: AdaptiveCard<Inputs>,
    options: SendCardOptions<Inputs>,
  ): Promise<Message> {
    return postCard(this.#deps(), toDestination(destination, 'bot.sendCard'), card, options, 'bot.sendCard');
  }

  /**
   * Learns who the bot is (`people.me()`, unless `botId` was given) and starts the transport. Rejects when
   * either fails. A bot starts once.
   */
  start(): Promise<BotIdentity> {
    if (this.#state !== 'new')
      return Promise.reject(new Error(`bot.start: the bot has been started already (it is ${this.#state})`));
    this.#state = 'running';
    this.#starting = this.#start();
    return this.#starting;
  }

  async #start(): Promise<BotIdentity> {
    try {
      const { botId, botEmail, botName } = this.#settings;
      if (botId !== undefined) {
        if (typeof botId !== 'string' || botId === '')
          throw new TypeError(`createBot: botId should be the bot's person id, got ${JSON.stringify(botId)}`);
        this.#identity = { id: botId, email: botEmail, displayName: botName };
      } else {
        const me = await this.webex.people.me(undefined, { signal: this.#abort.signal });
        this.#identity = { id: me.id, email: botEmail ?? me.emails?.[0], displayName: botName ?? me.displayName };
      }
      if (this.#state !== 'running') throw new Error('bot.start: bot.stop() was called while the bot was starting');
      const identity = this.#identity;
      await this.#settings.transport.start((event) => this.#deliver(event), {
        webex: this.webex,
        botId: identity.id,
        ...(identity.email ? { botEmail: identity.email } : {}),
        reportError: (error) => void this.#report(error, undefined),
      });
      return identity;
    } catch (error) {
      if (this.#state === 'running') this.#state = 'stopped';
      throw error;
    }
  }

  /**
   * Stops the transport (no new events) and waits for the events in flight, up to `timeout` (default 10 s) or
   * until `signal` aborts. Past the deadline, handlers still running see `ctx.signal` aborted and their events are
   * left unacknowledged. Calling it again returns the same result.
   */
  stop(options: StopOptions = {}): Promise<StopResult> {
    const timeout = options.timeout ?? DEFAULT_STOP_TIMEOUT;
    if (!Number.isFinite(timeout) || timeout < 0)
      return Promise.reject(new TypeError(`bot.stop: timeout should be a number of ms >= 0, got ${String(timeout)}`));
    this.#stopping ??= this.#stop(timeout, options.signal);
    return this.#stopping;
  }

  async #stop(timeout: number, signal: AbortSignal | undefined): Promise<StopResult> {
    if (this.#state === 'new') {
      this.#state = 'stopped';
      return { drained: true, abandoned: 0 };
    }
    const wasStarting = this.#starting;
    this.#state = 'stopping';
    // A start under way finishes (or fails) first, so that its transport is not started after being stopped.
    await wasStarting?.catch(() => {});
    const transportStopped = this.#settings.transport.stop().catch((error: unknown) => this.#report(error, undefined));
    const drained = Promise.all([transportStopped, this.#queue.idle()]).then(() => true);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    const deadline = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeout);
      onAbort = () => resolve(false);
      if (signal?.aborted) resolve(false);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    const finished = await Promise.race([drained, deadline]);
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    let abandoned = 0;
    if (!finished) {
      abandoned = this.#queue.size;
      const error = new BotUnavailableError(
        'abandoned',
        `bot.stop: the deadline passed with ${abandoned} event(s) in flight; they were not acknowledged`,
      );
      this.#abort.abort(error);
      for (const giveUp of [...this.#inFlight]) giveUp(error);
      // Every delivery is settled now, so a transport that keeps the contract finishes closing at once.
      let grace: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        transportStopped,
        new Promise((resolve) => (grace = setTimeout(resolve, TRANSPORT_GRACE_MS))),
      ]);
      clearTimeout(grace);
    }
    this.#state = 'stopped';
    return { drained: finished, abandoned };
  }

  /** What the transport calls for each event; resolves when it is handled, rejects when the bot could not take it. */
  #deliver(event: ReceivedWebhookEvent): Promise<void> {
    const refused = (error: BotUnavailableError): Promise<never> => {
      void this.#report(error, undefined);
      return Promise.reject(error);
    };
    if (this.#state !== 'running')
      return refused(new BotUnavailableError('stopped', `the bot is ${this.#state}; the event was not handled`));
    const job = this.#queue.run(roomOf(event), () => {
      if (this.#abort.signal.aborted) return Promise.reject(this.#abort.signal.reason as BotUnavailableError);
      return this.#handle(event);
    });
    // Settles with the job, or at once when stop() gives up. Not a race against one promise shared by every delivery:
    // that promise never settles while the bot runs, and each race left on it would be kept for the bot's lifetime.
    const delivered = new Promise<void>((resolve, reject) => {
      this.#inFlight.add(reject);
      job.then(
        () => {
          this.#inFlight.delete(reject);
          resolve();
        },
        (error: unknown) => {
          this.#inFlight.delete(reject);
          reject(error);
        },
      );
    });
    return delivered.catch((error: unknown) => {
      if (error instanceof BotUnavailableError) return refused(error);
      throw error;
    });
  }

  /** Handles one event; never rejects: every error goes to `onError`. */
  async #handle(event: ReceivedWebhookEvent): Promise<void> {
    try {
      if (event.type === 'message') await this.#onMessage(event, event.message, 'message');
      else if (event.type === 'attachmentAction') await this.#onCardSubmit(event);
      else await this.#onOther(event);
    } catch (error) {
      await this.#report(error, undefined);
    }
  }

  async #onMessage(event: ReceivedWebhookEvent, message: ReceivedMessage, kind: 'message' | 'messageEdited') {
    const me = this.#identity!;
    if (sameId(message.personId, me.id) || sameEmail(message.personEmail, me.email)) return;
    const mentioned = (message.mentionedPeople ?? []).some((id) => sameId(id, me.id));
    const envelopeType = event.envelope.resource === 'messages' ? event.envelope.data.roomType : undefined;
    const type = message.roomType ?? envelopeType;
    const { group = true, direct = false } = this.#settings.requireMention ?? {};
    // A room of unknown type is treated as a group room: it takes a mention.
    if (!mentioned && (type === 'direct' ? direct : group)) return;
    const stripped = commandText(message, me.displayName ?? '', { botId: me.id })
      // "DeployBot, deploy" and "DeployBot: deploy" leave the punctuation behind.
      .replace(/^[,:;]\s*/, '');
    const ctx = messageContext(this.#deps(), event, message, {
      room: { id: message.roomId, type },
      text: stripped,
      mentioned,
    });
    if (!(await this.#admit(kind, ctx))) return;
    if (kind === 'messageEdited') return this.#emit('messageEdited', ctx);
    await this.#emit('message', ctx);
    await this.#route(ctx);
  }

  /** Commands, then the help, then patterns, then the fallbacks. */
  async #route(ctx: MessageContext): Promise<void> {
    const line = parseCommandLine(ctx.text);
    const command = this.#commands.get(line.word);
    if (command) {
      // A copy (the message's own handlers keep theirs as it was); Object.assign copies much faster than a spread.
      const commandCtx: CommandContext = Object.assign({}, ctx, {
        command: command.name,
        args: line.args,
        argText: line.rest,
      });
      return this.#run(command.handler, commandCtx);
    }
    const helpCommand = this.#helpCommand();
    if (helpCommand && line.word === helpCommand) {
      return this.#run((help: MessageContext) => {
        const text = this.helpText();
        // In a 1:1 room a thread per question is clutter; in a group room the thread keeps the room readable.
        return help.room.type === 'direct' ? help.say(text) : help.reply(text);
      }, ctx);
    }
    for (const { matcher, handler } of this.#patterns) {
      const match = matcher.exec(ctx.text);
      if (match) return this.#run(handler, Object.assign({}, ctx, { match }));
    }
    for (const fallback of this.#fallbacks) await this.#run(fallback, ctx);
  }

  async #onCardSubmit(event: AttachmentActionEvent): Promise<void> {
    const { action } = event;
    const sender: Sender = { id: action.personId ?? event.envelope.actorId, email: undefined };
    const known = this.#cards.get(idKey(action.messageId));
    const cardId = cardIdOf(action.inputs as Record<string, unknown> | undefined);
    const route = cardId === undefined ? undefined : this.#cardRoutes.get(cardId);
    const inputsOf = known?.onSubmit ? known.card : route?.inputs;
    const ctx = cardSubmitContext(this.#deps(), event, sender, known, inputsOf);
    if (!(await this.#admit('cardSubmit', ctx))) return;
    if (known?.onSubmit) return this.#run(known.onSubmit, ctx);
    if (route) return this.#run(route.handler, ctx);
    for (const handler of this.#unroutedCards) await this.#run(handler, ctx);
  }

  async #onOther(event: OtherWebhookEvent): Promise<void> {
    const { envelope } = event;
    const me = this.#identity!;
    const actor: Sender = { id: envelope.actorId, email: undefined };
    if (envelope.resource === 'memberships') {
      const membership: MembershipWebhookData = envelope.data;
      const kind = membershipKind(String(envelope.event), sameId(membership.personId, me.id));
      if (kind) {
        const ctx = membershipContext(this.#deps(), event, membership, actor);
        if (!(await this.#admit(kind, ctx))) return;
        if (kind === 'added' && this.#settings.greeting !== undefined) {
          const greeting = this.#settings.greeting;
          await this.#run((greet: MembershipContext) => greet.say(greeting), ctx);
        }
        return this.#emit(kind, ctx);
      }
    }
    if (envelope.resource === 'messages' && String(envelope.event) === 'updated') {
      const { data } = envelope;
      if (sameId(data.personId, me.id) || sameEmail(data.personEmail, me.email)) return;
      const message = await this.webex.messages.get(data.id, { signal: this.#abort.signal });
      return this.#onMessage(event, message, 'messageEdited');
    }
    if (envelope.resource === 'messages' && String(envelope.event) === 'deleted') {
      const { data } = envelope;
      if (sameId(data.personId, me.id)) return;
      const sender = { id: data.personId, email: data.personEmail };
      const ctx = messageDeletedContext(this.#deps(), event, { id: data.roomId, type: data.roomType }, sender, data.id);
      if (!(await this.#admit('messageDeleted', ctx))) return;
      return this.#emit('messageDeleted', ctx);
    }
    const data = envelope.data as Record<string, unknown>;
    const roomId =
      typeof data.roomId === 'string' ? data.roomId : envelope.resource === 'rooms' ? envelope.data.id : '';
    const roomType = data.roomType === 'direct' || data.roomType === 'group' ? data.roomType : undefined;
    const ctx = eventContext(this.#deps(), event, { id: roomId, type: roomType }, actor);
    if (!(await this.#admit('other', ctx))) return;
    return this.#emit('other', ctx);
  }

  /** Applies the access rules; on a refusal tells `onRefused`, answers politely if set, and returns false. */
  async #admit(kind: BotEventKind, ctx: BotContext): Promise<boolean> {
    const rules = this.#rules;
    const who = { personId: ctx.sender.id, email: ctx.sender.email, roomId: ctx.room.id };
    let reason = refusal(rules, who);
    if (reason === 'person' && who.email === undefined && needsEmail(rules) && who.personId) {
      const email = await this.#emailOf(who.personId);
      if (email !== undefined) {
        (ctx.sender as { email: string | undefined }).email = email;
        reason = refusal(rules, { ...who, email });
      }
    }
    if (reason === undefined) return true;
    const refused: Refusal = { reason, kind, sender: ctx.sender, room: ctx.room, event: ctx.event };
    if (this.#settings.onRefused) await this.#run(() => this.#settings.onRefused!(refused), ctx);
    const answer = this.#settings.access?.refusal;
    if (answer !== undefined && (kind === 'message' || kind === 'cardSubmit')) {
      // Only messages and card submits get here, and both contexts answer in their thread.
      await this.#run((refused: BotContext) => (refused as MessageContext | CardSubmitContext).reply(answer), ctx);
    }
    return false;
  }

  /** The person's email for the access rules, looked up once and remembered; undefined when it cannot be had. */
  async #emailOf(personId: string): Promise<string | undefined> {
    const key = idKey(personId);
    const remembered = this.#emails.get(key);
    if (remembered !== undefined) return remembered;
    try {
      const person = await this.webex.people.get(personId, undefined, { signal: this.#abort.signal });
      const email = person.emails?.[0];
      if (email !== undefined) this.#emails.set(key, email);
      return email;
    } catch (error) {
      // Refused for want of an email: fail closed, and say why.
      await this.#report(error, undefined);
      return undefined;
    }
  }

  async #emit<K extends keyof BotEvents>(name: K, ctx: BotEvents[K]): Promise<void> {
    for (const handler of this.#listeners.get(name) ?? []) await this.#run(handler as Handler<BotEvents[K]>, ctx);
  }

  /** Runs one handler; what it throws goes to `onError` with its context, and the bot carries on. */
  async #run<C extends BotContext>(handler: Handler<C>, ctx: C): Promise<void> {
    try {
      await handler(ctx);
    } catch (error) {
      await this.#report(error, ctx);
    }
  }

  async #report(error: unknown, ctx: BotContext | undefined): Promise<void> {
    try {
      if (this.#settings.onError) await this.#settings.onError(error, ctx);
      else console.error('webex bot:', error);
    } catch (failure) {
      // onError itself failed: the bot must carry on all the same.
      console.error('webex bot: onError threw', failure, 'while reporting', error);
    }
  }

  #helpCommand(): string | undefined {
    const help = this.#settings.help;
    if (help === false) return undefined;
    return commandName(help?.command ?? 'help');
  }

  #deps(): ContextDeps {
    return { webex: this.webex, signal: this.#abort.signal, cards: this.#cards };
  }
}

/** The bot's event for a membership change: its own (added, removed) or someone else's (joined, left). */
function membershipKind(event: string, self: boolean): 'added' | 'removed' | 'memberJoined' | 'memberLeft' | undefined {
  if (event === 'created') return self ? 'added' : 'memberJoined';
  if (event === 'deleted') return self ? 'removed' : 'memberLeft';
  return undefined;
}

/** The queue an event waits in: its room; events without one share a lane. */
function roomOf(event: ReceivedWebhookEvent): string {
  if (event.type === 'message') return idKey(event.message.roomId);
  if (event.type === 'attachmentAction') return idKey(event.action.roomId ?? event.envelope.data.roomId);
  const data = event.envelope.data as Record<string, unknown>;
  if (typeof data.roomId === 'string') return idKey(data.roomId);
  if (String(event.envelope.resource) === 'rooms' && typeof data.id === 'string') return idKey(data.id);
  return '';
}

function toDestination(destination: string | MessageDestination, where: string): MessageDestination {
  if (typeof destination === 'string' && destination !== '') return { roomId: destination };
  if (destination && typeof destination === 'object') return destination;
  throw new TypeError(
    `${where}: expected a room id or { toPersonEmail } / { toPersonId }, got ${JSON.stringify(destination)}`,
  );
}
