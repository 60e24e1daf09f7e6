// Hand-written type tests for the Calling job resources (webex.calling.jobs.*) and `waitForJob` over them: the
// starts that take a body, what the listings iterate, and what the wait returns and throws. Each `@ts-expect-error`
// line makes exactly one mistake, so `tsc -p packages/client` fails if that mistake ever compiles; each fits on one
// line, so formatting cannot move the error away from its directive. The calls sit behind `if (false as boolean)`:
// nothing is sent; at run time each test only checks that the façade wires the methods. Calling enums are open
// (known values or any string), so a wrong enum value compiles: the mistakes here are of type and presence.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  CallingCallRecordingJob,
  CallingDeleteCallingLocationJob,
  CallingDeleteCallingLocationJobItemErrorCollection,
  CallingJobItemError,
  CallingJobStatus,
  CallingManageNumbersJob,
  CallingMoveUsersJob,
  CallingMoveUsersJobValidation,
  CallingUpdateRoutingPrefixJob,
  CallingUpdateRoutingPrefixJobList,
  Paginated,
} from '../../src/index.js';
import { type CallingJobError, type CallingJobTimeoutError, Webex, waitForJob } from '../../src/index.js';

const webex = new Webex({ accessToken: 'type-tests', baseUrl: 'http://127.0.0.1:9' });
const location = 'Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzRhMzdmYTJkLWYyZDctNDQwZi04Nzg1LTlmYWVlY2MzZjgwYw';
const person = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS8zZTVkN2ExYi1jOWYyLTRhODYtYjBlNC03ZDJjNmYxYTllNTg';

describe('calling jobs: start types', () => {
  it('calling.jobs.manageNumbers.start', () => {
    const jobs = webex.calling.jobs.manageNumbers;
    const move = {
      operation: 'MOVE',
      targetLocationId: location,
      numberList: [{ locationId: location, numbers: ['+14085550101'] }],
    };
    if (false as boolean) {
      void jobs.start(move, { orgId: 'org' });
      void jobs.start({ operation: 'NUMBER_USAGE_CHANGE', numberUsageType: 'SERVICE', numberList: [] });
      // @ts-expect-error missing: `operation` says what to do with the numbers
      void jobs.start({ targetLocationId: location, numberList: move.numberList });
      // @ts-expect-error missing: `numberList` is required
      void jobs.start({ operation: 'MOVE', targetLocationId: location });
      // @ts-expect-error type: `numbers` is a list of numbers, not one string
      void jobs.start({ ...move, numberList: [{ locationId: location, numbers: '+14085550101' }] });
      // @ts-expect-error R4: `max` counts, so it is a number, not a string
      void jobs.list({ max: '10' });
    }
    expect(jobs.start).toBeTypeOf('function');
  });

  it('calling.jobs.moveUsers.start', () => {
    const jobs = webex.calling.jobs.moveUsers;
    const target = { locationId: location, validate: true, users: [{ userId: person, extension: '2041' }] };
    if (false as boolean) {
      expectTypeOf(jobs.start({ usersList: [target] })).resolves.toEqualTypeOf<CallingMoveUsersJobValidation>();
      // @ts-expect-error missing: `usersList` is required
      void jobs.start({});
      // @ts-expect-error type: `validate` is a boolean, not a string
      void jobs.start({ usersList: [{ ...target, validate: 'true' }] });
      // @ts-expect-error type: `usersList` is a list of targets, not one
      void jobs.start({ usersList: target });
    }
    expect(jobs.start).toBeTypeOf('function');
  });

  it('calling.jobs.deleteCallingLocation.start', () => {
    const jobs = webex.calling.jobs.deleteCallingLocation;
    if (false as boolean) {
      expectTypeOf(
        jobs.start({ locationId: location, forceDelete: true }),
      ).resolves.toEqualTypeOf<CallingDeleteCallingLocationJob>();
      // @ts-expect-error missing: `locationId` says which location to disable
      void jobs.start({ locationName: 'Lisbon Office' });
      // @ts-expect-error type: `forceDelete` is a boolean
      void jobs.start({ locationId: location, forceDelete: 'yes' });
    }
    expect(jobs.start).toBeTypeOf('function');
  });
});

describe('calling jobs: what the reads answer', () => {
  it('listings iterate each kind of job; the errors listings their failed items', () => {
    const { manageNumbers, moveUsers, deleteCallingLocation, updateRoutingPrefix, callRecording } = webex.calling.jobs;
    if (false as boolean) {
      expectTypeOf(manageNumbers.list()).toEqualTypeOf<Paginated<CallingManageNumbersJob>>();
      expectTypeOf(moveUsers.list()).toEqualTypeOf<Paginated<CallingMoveUsersJob>>();
      expectTypeOf(deleteCallingLocation.list()).toEqualTypeOf<Paginated<CallingDeleteCallingLocationJob>>();
      expectTypeOf(callRecording.list()).toEqualTypeOf<Paginated<CallingCallRecordingJob>>();
      // Not paged: Cisco's document answers every job at once, as an array.
      expectTypeOf(updateRoutingPrefix.list()).resolves.toEqualTypeOf<CallingUpdateRoutingPrefixJobList>();
      expectTypeOf<CallingUpdateRoutingPrefixJobList>().toEqualTypeOf<CallingUpdateRoutingPrefixJob[]>();
      expectTypeOf(manageNumbers.listErrors('job')).toEqualTypeOf<Paginated<CallingJobItemError>>();
      expectTypeOf(
        deleteCallingLocation.listErrors('job'),
      ).resolves.toEqualTypeOf<CallingDeleteCallingLocationJobItemErrorCollection>();
      expectTypeOf(updateRoutingPrefix.listErrors('job')).resolves.toEqualTypeOf<CallingJobItemError>();
    }
    expect(manageNumbers.list).toBeTypeOf('function');
  });

  it('a job status is open: the known values, or any newer string', () => {
    expectTypeOf<'COMPLETED'>().toExtend<CallingJobStatus>();
    expectTypeOf<'SOME_NEWER_STATUS'>().toExtend<CallingJobStatus>();
    // @ts-expect-error type: a status is a string, not a number
    const status: CallingJobStatus = 3;
    expect(status).toBe(3);
  });
});

describe('waitForJob: typed over every kind of job', () => {
  it('returns the kind of job it waited for', () => {
    const { manageNumbers, moveUsers, deleteCallingLocation, updateRoutingPrefix, callRecording } = webex.calling.jobs;
    if (false as boolean) {
      expectTypeOf(waitForJob(manageNumbers, 'job')).resolves.toEqualTypeOf<CallingManageNumbersJob>();
      expectTypeOf(waitForJob(moveUsers, 'job')).resolves.toEqualTypeOf<CallingMoveUsersJob>();
      expectTypeOf(waitForJob(deleteCallingLocation, 'job')).resolves.toEqualTypeOf<CallingDeleteCallingLocationJob>();
      expectTypeOf(waitForJob(updateRoutingPrefix, 'job')).resolves.toEqualTypeOf<CallingUpdateRoutingPrefixJob>();
      expectTypeOf(waitForJob(callRecording, 'job')).resolves.toEqualTypeOf<CallingCallRecordingJob>();
      void waitForJob(
        manageNumbers,
        { id: 'job' },
        { onProgress: (job) => job.counts?.numbersMoved, deadline: 60_000 },
      );
      // @ts-expect-error type: `onProgress` gets the manage numbers job, whose counts have no `moved`
      void waitForJob(manageNumbers, 'job', { onProgress: (job) => job.counts?.moved });
      // @ts-expect-error type: the deadline is in ms, a number
      void waitForJob(manageNumbers, 'job', { deadline: '10m' });
      // @ts-expect-error missing: the job is a job id or a job with its `id`
      void waitForJob(manageNumbers, { name: 'manageNumbers' });
      // @ts-expect-error type: the numbers resource reads numbers, not jobs
      void waitForJob(webex.calling.numbers, 'job');
    }
    expect(waitForJob).toBeTypeOf('function');
  });

  it('its errors carry the job', () => {
    expectTypeOf<CallingJobError<CallingManageNumbersJob>['job']>().toEqualTypeOf<CallingManageNumbersJob>();
    expectTypeOf<CallingJobError['errors']>().toEqualTypeOf<CallingJobItemError[]>();
    expectTypeOf<CallingJobTimeoutError<CallingMoveUsersJob>['job']>().toEqualTypeOf<CallingMoveUsersJob | undefined>();
    expect(true).toBe(true);
  });
});
