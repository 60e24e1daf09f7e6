import {
  type CallingJob,
  CallingJobError,
  type CallingJobResource,
  CallingJobTimeoutError,
  type Webex,
  waitForJob,
} from '@webex-ts/client';
import { positiveInteger, text, UsageError } from '../args.js';
import type { Command } from '../command.js';
import { write } from '../io.js';
import { oneLine, toJson } from '../output/printable.js';

/** The kinds of Calling job, as `webex.calling.jobs` names them. */
const JOB_KINDS = [
  'manageNumbers',
  'moveUsers',
  'deleteCallingLocation',
  'updateRoutingPrefix',
  'callRecording',
] as const;
type JobKind = (typeof JOB_KINDS)[number];

export const callingWaitJob: Command = {
  name: 'calling wait-job',
  synopsis: `calling wait-job <${JOB_KINDS.join('|')}> <jobId> [--org-id <id>] [--deadline <seconds>]`,
  description:
    'Waits for a Webex Calling job to end, printing each change of its status or counts on stderr and the job as JSON ' +
    'on stdout. Exits 1 when the job failed, was abandoned or completed with errors (they are printed on stderr), ' +
    'or when the deadline passed first; the job itself goes on at Webex.',
  options: {
    'org-id': { type: 'string', arg: '<id>', help: 'the organization the job runs in (partner administrators)' },
    deadline: { type: 'string', arg: '<seconds>', help: 'give up after this many seconds (default: no limit)' },
  },
  args: ['<kind>', '<jobId>'],
  async run(context) {
    const [kind, jobId] = context.args as [string, string];
    if (!isJobKind(kind)) throw new UsageError(`<kind> is one of ${JOB_KINDS.join(', ')} (got "${kind}")`);
    const seconds = positiveInteger(context.values, 'deadline');
    const orgId = text(context.values, 'org-id');
    const jobs: CallingJobResource<CallingJob> = jobResource(context.webex(), kind);
    const { stdout, stderr } = context.io;
    try {
      const job = await waitForJob(jobs, jobId, {
        ...(orgId === undefined ? {} : { orgId }),
        ...(seconds === undefined ? {} : { deadline: seconds * 1000 }),
        onProgress: (progress) => void write(stderr, `${progressLine(progress)}\n`),
      });
      await write(stdout, `${toJson(job, 2)}\n`);
    } catch (error) {
      // What the job came to is still the answer on stdout; the error (and so exit code 1) follows on stderr.
      const last = error instanceof CallingJobError || error instanceof CallingJobTimeoutError ? error.job : undefined;
      if (last) await write(stdout, `${toJson(last, 2)}\n`);
      if (error instanceof CallingJobError)
        for (const failed of error.errors) await write(stderr, `${failedLine(failed)}\n`);
      throw error;
    }
  },
};

function isJobKind(kind: string): kind is JobKind {
  return (JOB_KINDS as readonly string[]).includes(kind);
}

function jobResource(webex: Webex, kind: JobKind): CallingJobResource<CallingJob> {
  return webex.calling.jobs[kind];
}

/** `job <id>: STARTED {"totalNumbers":5,"numbersMoved":2}`: one line per change, server text made printable. */
function progressLine(job: CallingJob & { counts?: unknown }): string {
  const exitCode =
    job.latestExecutionExitCode && job.latestExecutionExitCode !== 'UNKNOWN' ? ` (${job.latestExecutionExitCode})` : '';
  const counts = job.counts === undefined ? '' : ` ${toJson(job.counts)}`;
  return oneLine(`job ${job.id}: ${job.latestExecutionStatus ?? 'no status yet'}${exitCode}${counts}`);
}

/** `failed: +14085550101: The number is assigned`. */
function failedLine(failed: CallingJobError['errors'][number]): string {
  const reasons = (failed.error?.message ?? []).map((message) => message.description).filter(Boolean);
  const item = failed.item ?? (failed.itemNumber === undefined ? 'an item' : `item ${failed.itemNumber}`);
  return oneLine(`failed: ${item}${reasons.length ? `: ${reasons.join('; ')}` : ''}`);
}
