// readConfig, rule by rule: what the environment gives, what a run gets (or every problem with it).
import { describe, expect, it } from 'vitest';
import { readConfig, type Config } from '../src/config.js';

const base = { WEBEX_ACCESS_TOKEN: 'token', WEBEX_ROOM_ID: 'room' };
const webhook = { ...base, PUBLIC_URL: 'https://bot.example.com/', WEBHOOK_SECRET: 'secret' };
const defaults: Omit<Config, 'transport' | 'serving'> = {
  accessToken: 'token',
  roomId: 'room',
  downloadDir: 'downloads',
  maxFileBytes: undefined,
  approvers: {},
  deploy: undefined,
};

describe('readConfig', () => {
  it.each<[string, { given: Record<string, string>; want: Config }]>([
    [
      'webhook by default, on port 8080',
      {
        given: webhook,
        want: {
          ...defaults,
          transport: { kind: 'webhook', secret: 'secret' },
          serving: { publicUrl: 'https://bot.example.com/', port: 8080 },
        },
      },
    ],
    [
      'the socket needs no public URL or secret',
      {
        given: { ...base, TRANSPORT: 'socket', DEVICE_NAME: 'approvals-1' },
        want: { ...defaults, transport: { kind: 'socket', deviceName: 'approvals-1' }, serving: undefined },
      },
    ],
    [
      'every optional setting',
      {
        given: {
          ...webhook,
          PORT: '3000',
          APPROVERS: 'ana@example.com, Y2lzY29zcGFyazovL3VzL1BFT1BMRS9h',
          APPROVER_DOMAINS: 'example.com',
          DOWNLOAD_DIR: '/srv/files',
          MAX_FILE_MB: '2.5',
          BUILD: '412',
          ENVIRONMENT: 'staging',
        },
        want: {
          ...defaults,
          transport: { kind: 'webhook', secret: 'secret' },
          serving: { publicUrl: 'https://bot.example.com/', port: 3000 },
          approvers: { people: ['ana@example.com', 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9h'], domains: ['example.com'] },
          downloadDir: '/srv/files',
          maxFileBytes: 2_621_440,
          deploy: { build: '412', environment: 'staging' },
        },
      },
    ],
    [
      'an empty variable counts as unset',
      {
        given: { ...base, TRANSPORT: 'socket', DEVICE_NAME: ' ', ENVIRONMENT: 'staging', BUILD: '' },
        want: { ...defaults, transport: { kind: 'socket', deviceName: 'approval-bot' }, serving: undefined },
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(readConfig(given)).toEqual({ ok: true, config: want });
  });

  it.each<[string, { given: Record<string, string>; want: string[] }]>([
    [
      'nothing set: the token, the room, and the webhook settings',
      {
        given: {},
        want: [
          "WEBEX_ACCESS_TOKEN is not set: the bot's access token",
          'WEBEX_ROOM_ID is not set: the id of the room the bot works in',
          'PUBLIC_URL is not set: the https URL Webex posts to (a tunnel to PORT will do)',
          'WEBHOOK_SECRET is not set: a long random string that signs the deliveries',
        ],
      },
    ],
    [
      'an unknown transport',
      {
        given: { ...base, TRANSPORT: 'carrier-pigeon' },
        want: ['TRANSPORT should be webhook or socket, got carrier-pigeon'],
      },
    ],
    [
      'a URL that is not one, and a port out of range',
      {
        given: { ...webhook, PUBLIC_URL: 'bot.example.com', PORT: '70000' },
        want: [
          'PUBLIC_URL should be an http(s) URL such as https://bot.example.com/, got bot.example.com',
          'PORT should be a whole number from 0 to 65535, got 70000',
        ],
      },
    ],
    [
      'a size that is not one',
      {
        given: { ...webhook, MAX_FILE_MB: '0' },
        want: ['MAX_FILE_MB should be a number of megabytes above 0, such as 25, got 0'],
      },
    ],
    [
      'approvers that list no one (which would let no one in)',
      {
        given: { ...webhook, APPROVERS: ' , ' },
        want: ['APPROVERS lists no one; give comma-separated entries, or leave it unset'],
      },
    ],
  ])('refuses %s, naming every problem', (_name, { given, want }) => {
    expect(readConfig(given)).toEqual({ ok: false, problems: want });
  });
});
