// Waiting for a Webex Calling job (`webex.calling.jobs.*`): poll its status with backoff until it ends, report its
// progress, and turn a failure or a deadline into a typed error.
import type { CallingJob, CallingJobItemError } from '@webex-ts/models';
import { sleep as realSleep } from '@webex-ts/paginate';
import type { RequestOptions } from '../core/resource.js';
import { WebexTimeoutError } from '../errors/classes.js';
import { CallingJobError, CallingJobTimeoutError } from './job-errors.js';
import { endedBadly, isFinal, progressKey } from './job-status.js';

/**
 * What a job's `listErrors` answers: a listing to page through (most kinds of job), the whole list in an envelope
 * (`deleteCallingLocation`), or one entry (`updateRoutingPrefix`, as Cisco's document gives it).
 */
export type CallingJobErrorsAnswer =
  | AsyncIterable<CallingJobItemError>
  | PromiseLike<CallingJobItemError | readonly CallingJobItemError[] | { items?: readonly CallingJobItemError[] }>;

/**
 * A kind of Calling job: any of `webex.calling.jobs.manageNumbers`, `.moveUsers`, `.deleteCallingLocation`,
 * `.updateRoutingPrefix`, `.callRecording`, or anything else that reads a job and its errors by id.
 */
export interface CallingJobResource<J extends CallingJob> {
  get(jobId: string, query?: { orgId?: string }, options?: RequestOptions): PromiseLike<J>;
  listErrors(jobId: string, query?: { orgId?: string }, options?: RequestOptions): CallingJobErrorsAnswer;
}

/** How `waitForJob` polls, and what it tells on the way. */
export interface WaitForJobOptions<J extends CallingJob> {
  /** The organization the job runs in, for partner administrators; the token's own when left out. */
  orgId?: string;
  /** Stops waiting (the job goes on at Webex): `waitForJob` rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Longest wait in all, in ms; then `CallingJobTimeoutError`, with the job as last read. No limit when left out. */
  deadline?: number;
  /** Called with the job when first read, then whenever its status, exit code or counts change. */
  onProgress?: (job: J) => void;
  /** First wait between two reads, in ms (1000); each next wait is 1.5 times longer, up to `maxDelayMs`. */
  initialDelayMs?: number;
  /** Longest wait between two reads, in ms (30000). */
  maxDelayMs?: number;
  /** Most failed items to read into a `CallingJobError` (1000): a job over many items may fail on each. */
  maxErrors?: number;
  /** Waits `ms`, or rejects with the signal's reason; for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** A monotonic clock in ms; for tests. */
  now?: () => number;
}

const DEFAULT_INITIAL_DELAY_MS = 1000;
const DEFAULT_MAX_DELAY_MS = 30_000;
const BACKOFF_FACTOR = 1.5;
const DEFAULT_MAX_ERRORS = 1000;

/**
 * Waits until a Calling job ends and returns it as last read. Reads it with `jobs.get` at once, then again after
 * 1 s, 1.5 s, 2.25 s … (at most 30 s apart). A job that failed, was abandoned or completed with errors rejects with
 * a `CallingJobError` carrying its failed items; the deadline with a `CallingJobTimeoutError`; the signal with its
 * reason. The job itself runs on at Webex whatever the wait does.
 *
 * ```ts
 * const started = await webex.calling.jobs.manageNumbers.start({ operation: 'MOVE', targetLocationId, numberList });
 * const job = await waitForJob(webex.calling.jobs.manageNumbers, started, { deadline: 10 * 60_000 });
 * ```
 */
export async function waitForJob<J extends CallingJob>(
  jobs: CallingJobResource<J>,
  job: string | { id: string },
  options: WaitForJobOptions<J> = {},
): Promise<J> {
  const jobId = typeof job === 'string' ? job : job.id;
  const { signal, deadline, onProgress } = options;
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? (() => performance.now());
  const query = options.orgId === undefined ? undefined : { orgId: options.orgId };
  const end = deadline === undefined ? Number.POSITIVE_INFINITY : now() + deadline;
  const maxDelay = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  let delay = options.initialDelayMs ?? DEFAULT_INITIAL_DELAY_MS;
  let last: J | undefined;
  let lastProgress: string | undefined;

  for (;;) {
    signal?.throwIfAborted();
    const remaining = end - now();
    try {
      last = await jobs.get(jobId, query, callOptions(signal, remaining));
    } catch (error) {
      // A read cut short by our own deadline is the deadline's doing, not the read's.
      if (error instanceof WebexTimeoutError && deadline !== undefined && now() >= end)
        throw new CallingJobTimeoutError(jobId, deadline, last, { cause: error });
      throw error;
    }
    const progress = progressKey(last);
    if (progress !== lastProgress) {
      lastProgress = progress;
      onProgress?.(last);
    }
    if (isFinal(last)) {
      if (!endedBadly(last)) return last;
      throw await jobError(jobs, last, query, signal, options.maxErrors ?? DEFAULT_MAX_ERRORS);
    }
    const left = end - now();
    if (deadline !== undefined && left <= 0) throw new CallingJobTimeoutError(jobId, deadline, last);
    // The last wait ends at the deadline, for one more read there.
    await sleep(Math.min(delay, left), signal);
    delay = Math.min(delay * BACKOFF_FACTOR, maxDelay);
  }
}

/** The caller's signal, and the time left before the deadline as the read's own deadline. */
function callOptions(signal: AbortSignal | undefined, remaining: number): RequestOptions | undefined {
  const bounded = Number.isFinite(remaining) && remaining > 0 ? { deadline: Math.ceil(remaining) } : {};
  return signal || bounded.deadline ? { ...bounded, ...(signal ? { signal } : {}) } : undefined;
}

/** The error for a job that ended badly, with its failed items; without them (and their failure as cause) when they could not be read. */
async function jobError<J extends CallingJob>(
  jobs: CallingJobResource<J>,
  job: J,
  query: { orgId?: string } | undefined,
  signal: AbortSignal | undefined,
  maxErrors: number,
): Promise<CallingJobError<J>> {
  try {
    return new CallingJobError(
      job,
      await readErrors(jobs.listErrors(job.id, query, signal ? { signal } : undefined), maxErrors),
    );
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    return new CallingJobError(job, [], { cause: error });
  }
}

/** Up to `max` failed items, whichever shape the answer has. */
async function readErrors(answer: CallingJobErrorsAnswer, max: number): Promise<CallingJobItemError[]> {
  const errors: CallingJobItemError[] = [];
  if (isAsyncIterable(answer)) {
    for await (const error of answer) {
      if (errors.length >= max) break;
      errors.push(error);
    }
    return errors;
  }
  const body = await answer;
  if (isList(body)) return body.slice(0, max);
  if ('items' in body && Array.isArray(body.items)) return body.items.slice(0, max);
  // One entry, as the update routing prefix job answers: an empty object names no error.
  return Object.keys(body).length && max > 0 ? [body as CallingJobItemError] : [];
}

function isAsyncIterable(value: CallingJobErrorsAnswer): value is AsyncIterable<CallingJobItemError> {
  return typeof (value as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function';
}

function isList(value: unknown): value is readonly CallingJobItemError[] {
  return Array.isArray(value);
}
