// The core of a host the client was given no origin for: every call refused before anything is sent.
import type { Paginated } from '@webex-ts/paginate';
import { WebexValidationError } from '../errors/classes.js';
import type { ResourceCore, Streamed } from './resource.js';

/**
 * Stands in for the core of a host with no origin configured (Contact Center without a region or base URL), so that
 * `new Webex()` works for everything else: each call throws, or rejects with, a `WebexValidationError` naming the
 * option to set. Nothing is sent anywhere, least of all to another host's origin.
 */
export class UnconfiguredCore implements ResourceCore {
  /** Empty: there is no root to resolve paths against. */
  readonly baseUrl = '';

  /**
   * @param option The option to set (`contactCenter`), named by the error.
   * @param how What to set, in words.
   */
  constructor(
    private readonly option: string,
    private readonly how: string,
  ) {}

  async call<Result>(operation: string): Promise<Result> {
    throw this.refusal(operation);
  }

  async callText(operation: string): Promise<string> {
    throw this.refusal(operation);
  }

  async stream(operation: string): Promise<Streamed> {
    throw this.refusal(operation);
  }

  // Thrown at the call, as a listing's bad input is: a listing sends nothing until it is iterated.
  list<Item>(operation: string): Paginated<Item> {
    throw this.refusal(operation);
  }

  /** The error a call of `operation` on this host gets: which option to set. */
  refusal(operation: string): WebexValidationError {
    return new WebexValidationError(operation, this.option, `no ${this.option} origin is configured; give ${this.how}`);
  }
}
