import { STATUS_CODES } from 'node:http';
import { RateLimitError, WebexApiError, WebexValidationError } from '@webex-ts/client';
import { UsageError } from './args.js';
import { NoTokenError } from './client.js';
import type { Io } from './io.js';
import { printable } from './output/printable.js';

/**
 * Prints what went wrong to stderr and returns the exit code: 2 for the command line, 1 for everything else.
 * `command` names the command (`rooms list`) or group (`rooms`) the usage errors are about, when known.
 */
export function report(
  error: unknown,
  io: Io,
  context: { command: string | undefined; token: string | undefined },
): number {
  const [code, message] = describe(error, context.command);
  // The server's words (messages, details, URLs) reach a terminal: without their control characters.
  io.stderr.write(redact(message.split('\n').map(printable).join('\n'), context.token));
  return code;
}

function describe(error: unknown, command: string | undefined): [code: number, message: string] {
  if (error instanceof UsageError) {
    // One line, and where to read more: the whole usage would bury what is wrong.
    const webex = command ? `webex ${command}` : 'webex';
    return [2, `${webex}: ${error.message.replace(/\s*\n\s*/g, ' ')} (see ${webex} --help)\n`];
  }
  // Nothing was sent: the input needs fixing, like a usage error.
  if (error instanceof NoTokenError || error instanceof WebexValidationError) return [2, `webex: ${error.message}\n`];
  if (error instanceof WebexApiError) return [1, apiError(error)];
  return [1, `webex: ${error instanceof Error ? error.message : String(error)}\n`];
}

/** Status, the API's message, why a contract mock refused the request, and the tracking id Webex support asks for. */
function apiError(error: WebexApiError): string {
  const details = error.errors.map((detail) => detail.description).filter((text) => text && text !== error.apiMessage);
  const lines = [
    `webex: ${error.method} ${error.url} failed: ${error.status} ${STATUS_CODES[error.status] ?? ''}`.trimEnd(),
    `  message:     ${error.apiMessage}`,
    ...details.map((text) => `  detail:      ${text}`),
    // Prism's `sl-violations`: the generic 400 text alone does not say what the spec expected.
    ...(error.violations ?? []).map((violation) => `  violation:   ${violation.message}`),
    `  tracking id: ${error.trackingId ?? '(none)'}`,
  ];
  if (error instanceof RateLimitError && error.retryAfterMs !== undefined)
    lines.push(`  retry after: ${Math.ceil(error.retryAfterMs / 1000)} s`);
  return `${lines.join('\n')}\n`;
}

/** The message with the token cut out, wherever it came from. */
function redact(message: string, token: string | undefined): string {
  // Too short to be a real token; replacing it would only garble the message.
  if (!token || token.length < 8) return message;
  return message.split(token).join('[token]');
}
