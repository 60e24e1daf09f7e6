// How to read a Calling job's status: whether it has ended, whether it went wrong, and whether it moved.
import type { CallingJob } from '@webex-ts/models';

/** Statuses after which a job does nothing more. */
const FINAL_STATUSES: ReadonlySet<string> = new Set(['COMPLETED', 'FAILED', 'ABANDONED']);
/** Statuses that mean the job did not do what it was asked. */
const FAILED_STATUSES: ReadonlySet<string> = new Set(['FAILED', 'ABANDONED']);
/** Exit codes of a job that ended with items undone; `COMPLETED_WITH_PENDING_ORDERS` is no failure: the orders go on. */
const FAILED_EXIT_CODES: ReadonlySet<string> = new Set(['FAILED', 'STOPPED', 'COMPLETED_WITH_ERRORS']);

/** Whether the job has ended, well or not. */
export function isFinal(job: CallingJob): boolean {
  return job.latestExecutionStatus !== undefined && FINAL_STATUSES.has(job.latestExecutionStatus);
}

/** Whether an ended job failed, was abandoned, or completed with items it could not process. */
export function endedBadly(job: CallingJob): boolean {
  const status = job.latestExecutionStatus;
  const exitCode = job.latestExecutionExitCode;
  return (
    (status !== undefined && FAILED_STATUSES.has(status)) || (exitCode !== undefined && FAILED_EXIT_CODES.has(exitCode))
  );
}

/**
 * What progress is made of: status, exit code and counts. Each kind of job counts other things (numbers moved, users
 * updated …) and none answers a percentage, so a change of any count is progress.
 */
export function progressKey(job: CallingJob & { counts?: unknown }): string {
  return JSON.stringify([job.latestExecutionStatus, job.latestExecutionExitCode, job.counts ?? null]);
}
