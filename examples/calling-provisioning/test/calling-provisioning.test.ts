import { Webex } from '@webex-ts/client';
import { expect, inject, it } from 'vitest';
import { recordingFetch } from '../../../test-utils/recording-fetch.js';
import { run } from '../src/main.js';

/** A client on the shared Prism mock that records each request and any spec violation Prism reports for it. */
function recordingClient() {
  const { fetch, sent, violations } = recordingFetch();
  const webex = new Webex({ accessToken: 'test-token', baseUrl: inject('mockUrl'), maxRetries: 0, fetch });
  return { webex, sent, violations };
}

it("provisions a location's calling step by step, each step on the previous one's answer, all within the spec", async () => {
  const { webex, sent, violations } = recordingClient();
  const result = await run(webex, {
    phoneNumbers: ['+14085551300', '+14085551234'],
    userEmail: 'ana@example.com',
    queue: { name: 'Support', extension: '2100' },
    autoAttendant: { name: 'Main Menu', extension: '2000' },
  });

  expect(sent.map((request) => request.line)).toEqual([
    'GET /locations',
    'POST /telephony/config/locations',
    `GET /telephony/config/locations/${result.callingLocation.id}`,
    'POST /telephony/config/actions/validateNumbers/invoke',
    `POST /telephony/config/locations/${result.callingLocation.id}/numbers`,
    'GET /telephony/config/numbers',
    'GET /people',
    `POST /telephony/config/locations/${result.callingLocation.id}/queues`,
    `GET /telephony/config/locations/${result.callingLocation.id}/queues/${result.queue.id}`,
    `PUT /people/${result.person.id}/features/callForwarding`,
    `PUT /people/${result.person.id}/features/callWaiting`,
    `POST /telephony/config/locations/${result.callingLocation.id}/schedules`,
    `POST /telephony/config/locations/${result.callingLocation.id}/autoAttendants`,
    `GET /telephony/config/locations/${result.callingLocation.id}/autoAttendants/${result.autoAttendant.id}`,
  ]);
  const body = (line: string) => sent.find((request) => request.line.startsWith(line))!.body as Record<string, any>;
  const query = (line: string) => sent.find((request) => request.line.startsWith(line))!.query;

  // The location found is the one enabled, with its own name and time zone.
  expect(body('POST /telephony/config/locations')).toMatchObject({
    id: result.location.id,
    name: result.location.name,
    timeZone: result.location.timeZone,
  });
  // Only the numbers the validation found available are added, and the first of them is looked up.
  const validated = body('POST /telephony/config/actions/validateNumbers/invoke');
  expect(validated).toEqual({ phoneNumbers: ['+14085551300', '+14085551234'] });
  expect(result.addedNumbers).toEqual(['+14085551300']);
  expect(body(`POST /telephony/config/locations/${result.callingLocation.id}/numbers`)).toEqual({
    phoneNumbers: result.addedNumbers,
    numberType: 'DID',
    state: 'ACTIVE',
  });
  expect(query('GET /telephony/config/numbers').get('locationId')).toBe(result.callingLocation.id);
  expect(query('GET /telephony/config/numbers').get('phoneNumber')).toBe(result.addedNumbers[0]);
  expect(result.mainNumber?.phoneNumber).toEqual(expect.any(String));
  // The person found is the queue's agent; their unanswered calls go to the queue as it was read back.
  expect(query('GET /people').get('email')).toBe('ana@example.com');
  expect(body(`POST /telephony/config/locations/${result.callingLocation.id}/queues`)).toMatchObject({
    name: 'Support',
    extension: '2100',
    agents: [{ id: result.person.id }],
  });
  const queueExtension = result.queue.extension ?? result.queue.phoneNumber;
  expect(queueExtension).toEqual(expect.any(String));
  expect(body(`PUT /people/${result.person.id}/features/callForwarding`)).toMatchObject({
    callForwarding: { noAnswer: { enabled: true, destination: queueExtension } },
  });
  expect(body(`PUT /people/${result.person.id}/features/callWaiting`)).toEqual({ enabled: true });
  // The auto attendant answers the added number, follows the new schedule and sends key 1 to the queue.
  const schedule = body(`POST /telephony/config/locations/${result.callingLocation.id}/schedules`);
  expect(body(`POST /telephony/config/locations/${result.callingLocation.id}/autoAttendants`)).toMatchObject({
    name: 'Main Menu',
    phoneNumber: result.addedNumbers[0],
    businessSchedule: schedule.name,
    businessHoursMenu: { keyConfigurations: { key: '1', value: queueExtension } },
  });
  expect(result.autoAttendant.id).toEqual(expect.any(String));
  expect(result.numbersJob).toBeUndefined();

  expect(violations).toEqual([]);
});

it('brings numbers of another location over with a manage numbers job and waits for it', async () => {
  const { webex, sent, violations } = recordingClient();
  const progress: string[] = [];
  const fromLocationId = 'Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzljMWUyZDdhLTZiM2YtNGYwOC1hMmQ1LTdlNGIxYzBmOGE2Mw';
  const result = await run(webex, {
    numbersToMove: { fromLocationId, numbers: ['+14085550101'] },
    jobWait: { onProgress: (job) => progress.push(job.latestExecutionStatus ?? '') },
  });

  const start = sent.findIndex((request) => request.line === 'POST /telephony/config/jobs/numbers/manageNumbers');
  expect(start).toBeGreaterThan(0);
  expect(sent[start]!.body).toEqual({
    operation: 'MOVE',
    targetLocationId: result.callingLocation.id,
    numberList: [{ locationId: fromLocationId, numbers: ['+14085550101'] }],
  });
  // The job the start answered is the one read until it ended.
  expect(sent[start + 1]!.line).toBe(`GET /telephony/config/jobs/numbers/manageNumbers/${result.numbersJob?.id}`);
  expect(result.numbersJob?.latestExecutionStatus).toBe('COMPLETED');
  expect(progress).toEqual(['COMPLETED']);
  expect(violations).toEqual([]);
});
