import { readFile } from 'node:fs/promises';
import {
  createCallingAnalyticsCore,
  createContactCenterCore,
  createCore,
  EventStream,
  RequestGate,
  type ResourceCore,
} from '@webex-ts/client';
import { anyPaging } from '@webex-ts/client/operations';
import { text, UsageError, type Values } from '../args.js';
import { buildInput } from '../api/input.js';
import { callKind, findOperation, type Operation, operationNames } from '../api/operations.js';
import { closest } from '../api/suggest.js';
import type { Command, Context } from '../command.js';
import { readAll, write } from '../io.js';
import { toJson } from '../output/printable.js';

export const api: Command = {
  name: 'api',
  synopsis:
    'api <resource>.<method> [--param <name>=<value> …] [--header <name>=<value> …] [--body @file.json | --body -] [--paginate]\n       webex api --list [<filter>]',
  description:
    'Calls any operation of the API by its client name, such as workspaces.list or scim.users.get, and prints the answer as JSON.\n' +
    'Path, query and header parameters go in --param; other request headers (such as Prefer: code=404 for a mock) in --header; the body is JSON from a file, stdin or the argument itself.\n' +
    'A streaming operation (server-sent events) prints each event as it arrives, one JSON line each, until the server ends it.\n' +
    'With --list, prints the operations whose name contains <filter>, or all of them.',
  options: {
    param: {
      type: 'string',
      multiple: true,
      arg: '<name>=<value>',
      help: 'a path, query or header parameter; repeat for more (and for list values)',
    },
    header: {
      type: 'string',
      multiple: true,
      arg: '<name>=<value>',
      help: "a request header that is not one of the operation's parameters (Prefer=code=404); repeat for more; never Authorization",
    },
    body: { type: 'string', arg: '<@file|-|json>', help: 'JSON body: @file.json, - for stdin, or the JSON itself' },
    paginate: { type: 'boolean', help: 'follow every page of a listing and print one item per line (NDJSON)' },
    list: {
      type: 'boolean',
      help: 'list the operations (all, or those whose name contains the argument), with method and path',
    },
  },
  // Optional only with --list: run says so otherwise.
  args: ['[<operation>]'],
  async run(context) {
    const [word] = context.args;
    if (context.values.list) return listOperations(context, word ?? '');
    if (word === undefined)
      throw new UsageError('missing <operation>, such as rooms.list; webex api --list lists them');
    const operation = find(word);
    const kind = callKind(operation);
    const paginate = context.values.paginate === true;
    if (paginate && kind !== 'list')
      throw new UsageError(
        `--paginate needs a listing; ${operation.name} is ${operation.method.toUpperCase()} ${operation.path}`,
      );
    const input = buildInput(operation, {
      params: repeated(context.values, 'param'),
      headers: repeated(context.values, 'header'),
      body: await readBody(context),
    });
    const core: ResourceCore = coreFor(context, operation);

    if (paginate) {
      const listing = core.list(operation.name, operation.path, input, undefined, anyPaging, operation.paging);
      for await (const page of listing.pages()) {
        await write(context.io.stdout, page.items.map((item) => `${toJson(item)}\n`).join(''));
      }
      return;
    }
    if (kind === 'stream') {
      // Each event's data as it arrives, one JSON line each, until the server ends the stream (or Ctrl-C).
      const events = new EventStream<unknown>(core, operation.name, operation.method, operation.path, input);
      for await (const item of events) await write(context.io.stdout, `${toJson(item)}\n`);
      return;
    }
    if (kind === 'callText') {
      const answer = await core.callText(operation.name, operation.method, operation.path, input);
      return write(context.io.stdout, answer.endsWith('\n') || !answer ? answer : `${answer}\n`);
    }
    // Without --paginate a listing is one request, printed whole like any other answer.
    const answer = await core.call<unknown>(operation.name, operation.method, operation.path, input);
    if (answer !== undefined) await write(context.io.stdout, `${toJson(answer, 2)}\n`);
  },
};

/** `name  METHOD path` for every operation whose name contains `filter` (every one for ''), any case. */
async function listOperations(context: Context, filter: string): Promise<void> {
  const matches = operationNames()
    .filter((name) => name.toLowerCase().includes(filter.toLowerCase()))
    .map((name) => findOperation(name)!);
  if (!matches.length) return write(context.io.stderr, `No operations match "${filter}".\n`);
  const width = Math.max(...matches.map((operation) => operation.name.length));
  const methodWidth = Math.max(...matches.map((operation) => operation.method.length));
  const lines = matches.map(
    (operation) =>
      `${operation.name.padEnd(width)}  ${operation.method.toUpperCase().padEnd(methodWidth)}  ${operation.path}\n`,
  );
  await write(context.io.stdout, lines.join(''));
}

/** The operation called `name`, or a usage error naming the closest ones. */
function find(name: string): Operation {
  const operation = findOperation(name);
  if (operation) return operation;
  const names = operationNames();
  let near = closest(name, names);
  // A bare resource or namespace (`workspaces`, `scim.users`, `calling.people`) or a far-off method: offer what is
  // under the longest part of the name that something is under.
  if (!near.length) {
    const parts = name.split('.');
    for (let depth = parts.length; depth > 0 && !near.length; depth--) {
      const prefix = `${parts.slice(0, depth).join('.')}.`;
      near = names.filter((candidate) => candidate.startsWith(prefix)).slice(0, 8);
    }
  }
  const hint = near.length ? `did you mean ${near.join(', ')}?` : 'webex api --list <filter> lists the operations';
  throw new UsageError(`unknown operation "${name}"; ${hint}`);
}

/** Every `--param` or `--header`, in order: the options that repeat, so they arrive as arrays. */
function repeated(values: Values, name: 'param' | 'header'): string[] {
  const raw: unknown = values[name];
  if (raw === undefined) return [];
  return Array.isArray(raw) ? raw.map(String) : [String(raw)];
}

/** The `--body` JSON, from a file (`@path`), stdin (`-`) or the argument; undefined when not given. */
async function readBody(context: Context): Promise<unknown> {
  const spec = text(context.values, 'body');
  if (spec === undefined) return undefined;
  let source: string;
  let from: string;
  if (spec === '-') {
    [source, from] = [await readAll(context.io.stdin), 'stdin'];
  } else if (spec.startsWith('@')) {
    from = spec.slice(1);
    try {
      source = await readFile(from, 'utf8');
    } catch (error) {
      throw new UsageError(`--body ${spec}: ${(error as Error).message}`);
    }
  } else {
    [source, from] = [spec, 'the argument'];
  }
  try {
    return JSON.parse(source);
  } catch (error) {
    throw new UsageError(`--body: ${from} is not JSON: ${(error as Error).message}`);
  }
}

/**
 * The core of the operation's host, with the options `webex()` uses: token, API root, user agent, long waits on
 * stderr, and a request gate as `new Webex()` has (a listing of many pages keeps to the pace the host allows). A
 * Contact Center operation goes to the Contact Center origin (`WEBEX_CONTACT_CENTER_REGION` or
 * `WEBEX_CONTACT_CENTER_BASE_URL`), a Calling analytics one to analytics-calling.webexapis.com (or
 * `WEBEX_CALLING_ANALYTICS_BASE_URL`), never to the API root.
 */
function coreFor(context: Context, operation: Operation) {
  const options = { ...context.clientOptions(), gate: new RequestGate() };
  if (operation.host === 'contactCenter') return createContactCenterCore(options);
  if (operation.host === 'callingAnalytics') return createCallingAnalyticsCore(options);
  return createCore(options);
}
