import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { json, startServer, type SeenRequest, type TestServer } from '../../../test-utils/http-server.js';
import { Webex, WebexValidationError } from '../src/index.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Parses a multipart body the way a real server would (undici's form-data parser). */
async function formOf(request: SeenRequest): Promise<FormData> {
  return new Request('http://x/', {
    method: 'POST',
    headers: { 'content-type': String(request.headers['content-type']) },
    body: request.body,
  }).formData();
}

async function uploadServer() {
  server = await startServer((_req, res) => json(res, 200, { id: 'M1' }));
  return new Webex({ accessToken: 'T', baseUrl: server.url });
}

describe('messages.create with a local file', () => {
  it('uploads a file from a path as multipart/form-data', async () => {
    const webex = await uploadServer();
    const dir = mkdtempSync(join(tmpdir(), 'upload-'));
    writeFileSync(join(dir, 'report.txt'), 'all green\n');
    await webex.messages.create({ roomId: 'R1', markdown: 'Nightly **report**', files: [join(dir, 'report.txt')] });
    const [request] = server!.requests;
    expect(request!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await formOf(request!);
    expect(form.get('roomId')).toBe('R1');
    expect(form.get('markdown')).toBe('Nightly **report**');
    const file = form.get('files') as File;
    expect(file.name).toBe('report.txt');
    expect(await file.text()).toBe('all green\n');
  });

  it('uploads a Blob/File and bytes with a name', async () => {
    const webex = await uploadServer();
    await webex.messages.create({
      toPersonEmail: 'ana@example.com',
      text: 'logo',
      files: [new File(['PNG…'], 'logo.png', { type: 'image/png' })],
    });
    await webex.messages.create({
      roomId: 'R1',
      text: 'bytes',
      files: [{ data: new TextEncoder().encode('a,b\n1,2\n'), name: 'data.csv', type: 'text/csv' }],
    });
    const [first, second] = await Promise.all(server!.requests.map(formOf));
    expect((first!.get('files') as File).name).toBe('logo.png');
    expect(first!.get('toPersonEmail')).toBe('ana@example.com');
    expect(await (second!.get('files') as File).text()).toBe('a,b\n1,2\n');
  });

  it('sends a URL as JSON', async () => {
    const webex = await uploadServer();
    await webex.messages.create({ roomId: 'R1', files: ['https://example.com/build.log'] });
    expect(server!.requests[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(server!.requests[0]!.body)).toEqual({ roomId: 'R1', files: ['https://example.com/build.log'] });
  });

  it('refuses more than one file, or a file with two destinations, before sending', async () => {
    const webex = await uploadServer();
    const blob = new Blob(['x']);
    await expect(webex.messages.create({ roomId: 'R1', files: [blob, blob] })).rejects.toThrow(
      /files takes one item per message \(got 2\)/,
    );
    // @ts-expect-error invalid on purpose: the runtime check is under test
    await expect(webex.messages.create({ roomId: 'R1', toPersonId: 'P', files: [blob] })).rejects.toBeInstanceOf(
      WebexValidationError,
    );
    await expect(webex.messages.create({ roomId: 'R1', files: ['/no/such/file.txt'] })).rejects.toThrow(
      /cannot read \/no\/such\/file\.txt/,
    );
    expect(server!.requests).toHaveLength(0);
  });
});

describe('a multipart body with a JSON part (Contact Center audio files)', () => {
  const ORG = '2f0c5a9e-7d41-4c6b-9e3a-51b8d0e4f7a2';
  const INFO = { name: 'welcome-es.wav', contentType: 'AUDIO_WAV' as const };

  async function contactCenterServer() {
    server = await startServer((_req, res) => json(res, 200, { id: 'A1', ...INFO }));
    return new Webex({ accessToken: 'T', contactCenter: { baseUrl: server.url } });
  }

  /** The raw part named `name`: its headers and body, as the server received them. */
  function rawPart(request: SeenRequest, name: string): { headers: string; body: string } {
    const boundary = /boundary=(.+)$/.exec(String(request.headers['content-type']))![1]!;
    const part = request.body.split(`--${boundary}`).find((chunk) => chunk.includes(`name="${name}"`))!;
    const [headers, body] = part.split('\r\n\r\n');
    return { headers: headers!, body: body!.replace(/\r\n$/, '') };
  }

  it('sends the JSON part with Content-Type application/json, an object as its JSON', async () => {
    const webex = await contactCenterServer();
    const audio = new File([new Uint8Array([82, 73, 70, 70])], 'welcome-es.wav', { type: 'audio/wav' });
    await webex.contactCenter.audioFiles.create(ORG, { audioFileInfo: INFO, audioFile: audio });
    const [request] = server!.requests;
    const info = rawPart(request!, 'audioFileInfo');
    expect(info.headers).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(info.body)).toEqual(INFO);
    const form = await formOf(request!);
    expect((form.get('audioFile') as File).name).toBe('welcome-es.wav');
    expect(rawPart(request!, 'audioFile').headers).toMatch(/content-type: audio\/wav/i);
  });

  it('sends JSON text given for the part as it is, with the same content type', async () => {
    const webex = await contactCenterServer();
    const text = '{"name":"welcome-es.wav","contentType":"AUDIO_WAV"}';
    await webex.contactCenter.audioFiles.update(ORG, 'A1', { audioFileInfo: text, audioFile: new Blob(['RIFF']) });
    const info = rawPart(server!.requests[0]!, 'audioFileInfo');
    expect(info.headers).toMatch(/content-type: application\/json/i);
    expect(info.body).toBe(text);
  });

  it('leaves the other fields of a multipart body plain text (messages.create)', async () => {
    const webex = await uploadServer();
    await webex.messages.create({ roomId: 'R1', text: 'hi', files: [new Blob(['x'])] });
    expect(rawPart(server!.requests[0]!, 'roomId').headers).not.toMatch(/content-type/i);
  });
});

describe('against the Prism mock', () => {
  it('an upload matches the multipart/form-data body of the spec', async () => {
    const { mockClient } = await import('./mock.js');
    const { webex, violations } = mockClient();
    const message = await webex.messages.create({
      roomId: 'R1',
      markdown: 'the log',
      files: [new File(['log line\n'], 'build.log', { type: 'text/plain' })],
    });
    expect(message.id).toBeTruthy();
    expect(violations).toEqual([]);
  });
});
