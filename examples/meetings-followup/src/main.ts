// Meeting follow-up: against Webex when WEBEX_ACCESS_TOKEN is set, else against the bundled Prism mock.
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  Webex,
  WebexError,
  type BulkCreatedMeetingInvitee,
  type MeetingSeries,
  type MeetingTranscript,
  type Recording,
} from '@webex-ts/client';
import { startMockServer, type MockServer } from '@webex-ts/mock';

/** The meeting to schedule and who to invite; every field has a default. */
export interface FollowupOptions {
  title?: string;
  /** When the meeting starts; tomorrow at this time by default. */
  start?: Date;
  /** Length of the meeting in minutes. */
  minutes?: number;
  /** Email addresses to invite. */
  invitees?: string[];
  /** At most this many recordings and transcripts are read. */
  limit?: number;
}

/** What each step produced. */
export interface FollowupResult {
  meeting: MeetingSeries;
  invitees: BulkCreatedMeetingInvitee[];
  recordings: Recording[];
  transcripts: MeetingTranscript[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Schedules a meeting, invites everyone in one bulk request, then lists the
 * recordings and transcripts of that meeting series.
 */
export async function run(webex: Webex, options: FollowupOptions = {}): Promise<FollowupResult> {
  const start = options.start ?? new Date(Date.now() + DAY_MS);
  const end = new Date(start.getTime() + (options.minutes ?? 30) * 60_000);
  const meeting = await webex.meetings.create({
    title: options.title ?? 'Release retrospective',
    start: start.toISOString(),
    end: end.toISOString(),
    enabledAutoRecordMeeting: true,
  });

  const emails = options.invitees ?? ['ana@example.com', 'ben@example.com', 'chen@example.com'];
  // One request for everyone rather than one per person: fewer calls against the rate limit.
  const { items: invitees = [] } = await webex.meetingInvitees.bulkCreate({
    meetingId: meeting.id,
    items: emails.map((email) => ({ email, sendEmail: true })),
  });

  // A series id matches the recordings and transcripts of every meeting held from it.
  const limit = options.limit ?? 20;
  const recordings = await webex.recordings.list({ meetingId: meeting.id, max: limit }).toArray({ limit });
  const transcripts = await webex.meetingTranscripts.list({ meetingId: meeting.id, max: limit }).toArray({ limit });

  return { meeting, invitees, recordings, transcripts };
}

/** Runs the workflow from the command line and prints what it did. */
async function main(): Promise<void> {
  const token = process.env.WEBEX_ACCESS_TOKEN;
  let mock: MockServer | undefined;
  try {
    if (!token) {
      mock = await startMockServer();
      console.log(`No WEBEX_ACCESS_TOKEN: using the bundled Prism mock of the Webex API on ${mock.url}\n`);
    }
    const webex = new Webex({
      accessToken: token ?? 'mock-token',
      baseUrl: mock?.url ?? (process.env.WEBEX_BASE_URL || undefined),
    });
    const result = await run(webex);
    console.log(`Meeting "${result.meeting.title}" scheduled for ${result.meeting.start} (${result.meeting.id})`);
    console.log(`${result.invitees.length} invitee(s): ${result.invitees.map((i) => i.email).join(', ')}`);
    console.log(`${result.recordings.length} recording(s)`);
    for (const recording of result.recordings) console.log(`  ${recording.topic} (${recording.timeRecorded})`);
    console.log(`${result.transcripts.length} transcript(s)`);
    for (const transcript of result.transcripts)
      console.log(`  ${transcript.meetingTopic ?? transcript.id} ${transcript.txtDownloadLink ?? ''}`);
  } catch (error) {
    if (!(error instanceof WebexError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  } finally {
    await mock?.stop();
  }
}

// Only as a command: the tests import `run` without starting anything.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) await main();
