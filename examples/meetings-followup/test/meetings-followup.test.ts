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

it('schedules a meeting, invites everyone at once and lists its recordings and transcripts, all within the spec', async () => {
  const { webex, sent, violations } = recordingClient();
  const start = new Date('2031-03-04T15:00:00.000Z');
  const invitees = ['ana@example.com', 'ben@example.com'];
  const result = await run(webex, { title: 'Test retro', start, minutes: 45, invitees, limit: 5 });

  expect(result.meeting).toMatchObject({
    id: expect.any(String),
    title: expect.any(String),
    start: expect.any(String),
  });
  expect(result.invitees.length).toBeGreaterThan(0);
  for (const invitee of result.invitees) expect(invitee).toMatchObject({ email: expect.any(String) });
  expect(result.recordings.length).toBeGreaterThan(0);
  expect(result.recordings.length).toBeLessThanOrEqual(5);
  for (const recording of result.recordings)
    expect(recording).toMatchObject({ id: expect.any(String), topic: expect.any(String) });
  expect(result.transcripts.length).toBeGreaterThan(0);
  expect(result.transcripts.length).toBeLessThanOrEqual(5);
  for (const transcript of result.transcripts) expect(transcript).toMatchObject({ id: expect.any(String) });

  expect(sent.map((s) => s.line)).toEqual([
    'POST /meetings',
    'POST /meetingInvitees/bulkInsert',
    'GET /recordings',
    'GET /meetingTranscripts',
  ]);
  const [schedule, invite, recordings, transcripts] = sent;
  expect(schedule!.body).toMatchObject({
    title: 'Test retro',
    start: '2031-03-04T15:00:00.000Z',
    end: '2031-03-04T15:45:00.000Z',
  });
  // Everyone goes in the one bulk request, for the meeting just scheduled.
  expect(invite!.body).toMatchObject({
    meetingId: result.meeting.id,
    items: invitees.map((email) => ({ email, sendEmail: true })),
  });
  expect(recordings!.query.get('meetingId')).toBe(result.meeting.id);
  expect(transcripts!.query.get('meetingId')).toBe(result.meeting.id);

  expect(violations).toEqual([]);
});
