// The errors `waitForJob` throws for a job that ended badly or did not end in time.
import type { CallingJob, CallingJobItemError } from '@webex-ts/models';
import { WebexError, WebexTimeoutError } from '../errors/classes.js';

/**
 * A Webex Calling job failed, was abandoned, or completed with items it could not process. Carries the job as last
 * read and the items it failed on (from its `listErrors`, every page, up to `waitForJob`'s `maxErrors`).
 */
export class CallingJobError<J extends CallingJob = CallingJob> extends WebexError {
  override name = 'CallingJobError';
  /** The job's id. */
  readonly jobId: string;
  /** `latestExecutionStatus` of the job: `FAILED`, `ABANDONED`, or `COMPLETED` with errors. */
  readonly status: string | undefined;
  /** `latestExecutionExitCode` of the job, where its kind answers one. */
  readonly exitCode: string | undefined;
  /** The job as last read. */
  readonly job: J;
  /** The items the job could not process; empty when it named none or they could not be read (see `cause`). */
  readonly errors: CallingJobItemError[];

  constructor(job: J, errors: CallingJobItemError[], options?: ErrorOptions) {
    const status = job.latestExecutionStatus;
    const exitCode = job.latestExecutionExitCode;
    const ending = exitCode && exitCode !== status ? `${status} (${exitCode})` : String(status);
    super(`Calling job ${job.id} ended ${ending}${describeErrors(errors)}`, options);
    this.jobId = job.id;
    this.status = status;
    this.exitCode = exitCode;
    this.job = job;
    this.errors = errors;
  }
}

/**
 * A Webex Calling job had not ended by `waitForJob`'s deadline. The job goes on at Webex: `job` is how it stood when
 * last read (undefined when no read had answered yet), to report or to wait for again later.
 */
export class CallingJobTimeoutError<J extends CallingJob = CallingJob> extends WebexTimeoutError {
  override name = 'CallingJobTimeoutError';
  /** The job's id. */
  readonly jobId: string;
  /** The job as last read, if any read answered before the deadline. */
  readonly job: J | undefined;

  constructor(jobId: string, deadlineMs: number, job: J | undefined, options?: ErrorOptions) {
    // The resource knows the job's URL, the helper only its id: that is what `url` names here.
    super(deadlineMs, 'GET', `calling job ${jobId}`, options);
    this.message = `Calling job ${jobId} had not ended after ${deadlineMs} ms (last status: ${job?.latestExecutionStatus ?? 'none read'})`;
    this.jobId = jobId;
    this.job = job;
  }
}

/** The first few failed items, for a message that says what went wrong without listing thousands. */
function describeErrors(errors: CallingJobItemError[]): string {
  if (!errors.length) return '';
  const shown = errors.slice(0, 3).map((error) => {
    const reasons = (error.error?.message ?? []).map((message) => message.description).filter(Boolean);
    const what = error.item ?? (error.itemNumber === undefined ? 'an item' : `item ${error.itemNumber}`);
    return reasons.length ? `${what}: ${reasons.join('; ')}` : what;
  });
  const more = errors.length > shown.length ? `; and ${errors.length - shown.length} more` : '';
  return ` with ${errors.length} error${errors.length === 1 ? '' : 's'}: ${shown.join('; ')}${more}`;
}
