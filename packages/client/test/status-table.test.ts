// The one status → error class table: what it says, and that both a call and a download type their error answers by it
// (a loopback server gives each status in the table).
import { afterEach, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { rejection } from '../../../test-utils/rejection.js';
import { WebexValidationError } from '../src/errors/classes.js';
import { CALL_ERRORS, DOWNLOAD_ERRORS, errorClassFor, retyped } from '../src/errors/status-table.js';
import {
  FileInfectedError,
  FileUnscannableError,
  RateLimitError,
  Webex,
  WebexApiError,
  type WebexOptions,
} from '../src/index.js';

const CONTENT_ID = 'Y2lzY29zcGFyazovL3VzL0NPTlRFTlQvMTIzNDU2Nzg5MC8w';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client of a server that answers every request with `status`; no retries or waits, so the first answer is the error. */
async function answering(status: number): Promise<Webex> {
  server = await startServer((_request, response) =>
    json(response, status, { message: `answered ${status}` }, { trackingid: `TRK-${status}`, 'retry-after': '2' }),
  );
  const options: WebexOptions = { accessToken: 'T0KEN', baseUrl: server.url, maxRetries: 0, waitOnRateLimit: false };
  return new Webex(options);
}

/** Every row of the table: its status, its class, and whether it holds for downloads only. */
const rows = [
  ...Object.entries(CALL_ERRORS).map(([status, error]) => ({
    status: Number(status),
    error: error!,
    downloadOnly: false,
  })),
  ...Object.entries(DOWNLOAD_ERRORS).map(([status, error]) => ({
    status: Number(status),
    error: error!,
    downloadOnly: true,
  })),
];

describe('the status table', () => {
  it('maps 429 for every call, and 410 and 428 for downloads only', () => {
    expect(CALL_ERRORS).toEqual({ 429: RateLimitError });
    expect(DOWNLOAD_ERRORS).toEqual({ 410: FileInfectedError, 428: FileUnscannableError });
  });

  it.each([
    [404, undefined, WebexApiError],
    [410, undefined, WebexApiError],
    [428, undefined, WebexApiError],
    [429, undefined, RateLimitError],
    [404, DOWNLOAD_ERRORS, WebexApiError],
    [410, DOWNLOAD_ERRORS, FileInfectedError],
    [428, DOWNLOAD_ERRORS, FileUnscannableError],
    [429, DOWNLOAD_ERRORS, RateLimitError],
  ])('errorClassFor(%i, %o) is %o', (status, over, expected) => {
    expect(errorClassFor(status, over)).toBe(expected);
  });

  it.each(rows.filter((row) => !row.downloadOnly))(
    'a call answered $status throws $error.name',
    async ({ status, error }) => {
      const thrown = await rejection((await answering(status)).rooms.get('R1'));
      expect(thrown).toBeInstanceOf(error);
      expect(thrown).toMatchObject({ status, apiMessage: `answered ${status}`, trackingId: `TRK-${status}` });
    },
  );

  it.each(rows)('a download answered $status throws $error.name', async ({ status, error }) => {
    const thrown = await rejection((await answering(status)).contents.download(CONTENT_ID));
    expect(thrown).toBeInstanceOf(error);
    expect(thrown).toMatchObject({
      status,
      apiMessage: `answered ${status}`,
      trackingId: `TRK-${status}`,
      method: 'GET',
      url: `${server!.url}/contents/${CONTENT_ID}`,
    });
  });

  it.each(rows.filter((row) => row.downloadOnly))(
    'a call that is not a download answered $status stays a plain WebexApiError',
    async ({ status, error }) => {
      const thrown = await rejection((await answering(status)).rooms.get('R1'));
      expect(thrown).toBeInstanceOf(WebexApiError);
      expect(thrown).not.toBeInstanceOf(error);
    },
  );

  it('leaves errors that are not error answers as they are', () => {
    const invalid = new WebexValidationError('contents.download', 'urlOrId', 'a rule');
    expect(retyped(invalid, DOWNLOAD_ERRORS)).toBe(invalid);
    const plain = new Error('network');
    expect(retyped(plain, DOWNLOAD_ERRORS)).toBe(plain);
  });
});
