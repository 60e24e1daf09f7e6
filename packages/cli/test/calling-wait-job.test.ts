// `webex calling wait-job`: against a loopback server that plays Calling jobs, in this process on a fake clock, so
// that the waits between reads (1 s, 1.5 s …) take no time.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeClock, fakeClock } from '../../../test-utils/fake-clock.js';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { webex, webexInProcess } from './run.js';

const TOKEN = 'secret-token-that-must-not-leak-0123456789';
const MANAGE = '/v1/telephony/config/jobs/numbers/manageNumbers';

const job = (id: string, status: string, moved: number, exitCode = 'UNKNOWN') => ({
  id,
  latestExecutionStatus: status,
  latestExecutionExitCode: exitCode,
  counts: { totalNumbers: 5, numbersMoved: moved },
});

/** What each read of a job answers, in order; the last one again once they run out. */
const plays: Record<string, object[]> = {
  [`${MANAGE}/moving`]: [
    job('moving', 'STARTING', 0),
    job('moving', 'STARTED', 2),
    job('moving', 'COMPLETED', 5, 'COMPLETED'),
  ],
  [`${MANAGE}/partly`]: [job('partly', 'COMPLETED', 4, 'COMPLETED_WITH_ERRORS')],
  [`${MANAGE}/stuck`]: [job('stuck', 'STARTED', 1)],
};

let server: TestServer;
beforeAll(async () => {
  server = await startServer((request, response, seen) => {
    const { pathname } = new URL(request.url, 'http://x');
    if (pathname === `${MANAGE}/partly/errors`)
      return json(response, 200, {
        items: [{ item: '+14085550105', itemNumber: 5, error: { key: '409', message: [{ description: 'Assigned' }] } }],
      });
    const play = plays[pathname];
    if (!play) return json(response, 404, { message: `no job at ${pathname}` });
    const reads = seen.filter((earlier) => new URL(earlier.url, 'http://x').pathname === pathname).length;
    json(response, 200, play[Math.min(reads, play.length) - 1]);
  });
});
afterAll(() => server.close());

let clock: FakeClock;
beforeEach(() => {
  clock = fakeClock({ globalFetch: true });
});
afterEach(() => clock.uninstall());

const waitJob = (args: string[]) =>
  webexInProcess(
    ['calling', 'wait-job', ...args],
    { WEBEX_ACCESS_TOKEN: TOKEN, WEBEX_BASE_URL: `${server.url}/v1` },
    (run) => clock.run(run),
  );

describe('webex calling wait-job', () => {
  it('prints each change on stderr and the finished job as JSON on stdout', async () => {
    const result = await waitJob(['manageNumbers', 'moving', '--org-id', 'org-1']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(job('moving', 'COMPLETED', 5, 'COMPLETED'));
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'job moving: STARTING {"totalNumbers":5,"numbersMoved":0}',
      'job moving: STARTED {"totalNumbers":5,"numbersMoved":2}',
      'job moving: COMPLETED (COMPLETED) {"totalNumbers":5,"numbersMoved":5}',
    ]);
    const reads = server.requests.filter((request) => request.url.startsWith(`${MANAGE}/moving`));
    expect(reads.map((request) => request.url)).toEqual(Array(3).fill(`${MANAGE}/moving?orgId=org-1`));
  });

  it('exits 1 on a job completed with errors, with the job on stdout and its failed items on stderr', async () => {
    const result = await waitJob(['manageNumbers', 'partly']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).latestExecutionExitCode).toBe('COMPLETED_WITH_ERRORS');
    expect(result.stderr).toContain('failed: +14085550105: Assigned\n');
    expect(result.stderr).toMatch(/webex: Calling job partly ended COMPLETED \(COMPLETED_WITH_ERRORS\) with 1 error/);
    expect(result.stderr).not.toContain(TOKEN);
  });

  it('exits 1 at the deadline, with the job as last read', async () => {
    const result = await waitJob(['manageNumbers', 'stuck', '--deadline', '5']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).latestExecutionStatus).toBe('STARTED');
    expect(result.stderr).toMatch(/webex: Calling job stuck had not ended after 5000 ms/);
  });
});

describe('webex calling wait-job: usage', () => {
  it('names the kinds of job when given another', async () => {
    const result = await webex(['calling', 'wait-job', 'rebuildPhones', 'j1'], { env: { WEBEX_ACCESS_TOKEN: TOKEN } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('<kind> is one of manageNumbers, moveUsers, deleteCallingLocation');
  });
});
