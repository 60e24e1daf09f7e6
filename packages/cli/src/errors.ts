import { STATUS_CODES } from 'node:http';
import { RateLimitError, WebexApiError, WebexValidationError } from '@webex-ts/client';
import { UsageError } from './args.js';
import { NoTokenError } from './client.js';
import type { Io } from './io.js';

/** Prints what went wrong to stderr and returns the exit code: 2 for the command line, 1 for everything else. */
export function report(error: unknown, io: Io, context: { usage: string; token: string | undefined }): number {
  const [code, message] = describe(error, context.usage);
  io.stderr.write(redact(message, context.token));
  return code;
}

function describe(error: unknown, usage: string): [code: number, message: string] {
  if (error instanceof UsageError) return [2, `webex: ${error.message}\n\n${usage}`];
  // Nothing was sent: the input needs fixing, like a usage error.
  if (error instanceof NoTokenError || error instanceof WebexValidationError) return [2, `webex: ${error.message}\n`];
  if (error instanceof WebexApiError) return [1, apiError(error)];
  return [1, `webex: ${error instanceof Error ? error.message : String(error)}\n`];
}

/** Status, the API's message and the tracking id Webex support asks for. */
function apiError(error: WebexApiError): string {
  const details = error.errors.map((detail) => detail.description).filter((text) => text && text !== error.apiMessage);
  const lines = [
    `webex: ${error.method} ${error.url} failed: ${error.status} ${STATUS_CODES[error.status] ?? ''}`.trimEnd(),
    `  message:     ${error.apiMessage}`,
    ...details.map((text) => `  detail:      ${text}`),
    `  tracking id: ${error.trackingId ?? '(none)'}`,
  ];
  if (error instanceof RateLimitError && error.retryAfter !== undefined)
    lines.push(`  retry after: ${error.retryAfter} s`);
  return `${lines.join('\n')}\n`;
}

/** The message with the token cut out, wherever it came from. */
function redact(message: string, token: string | undefined): string {
  // Too short to be a real token; replacing it would only garble the message.
  if (!token || token.length < 8) return message;
  return message.split(token).join('[token]');
}
