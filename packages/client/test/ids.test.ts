import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeId, encodeId, teamIdToRoomId, WebexIdError } from '../src/index.js';

const roomId = 'Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0';
const teamId = 'Y2lzY29zcGFyazovL3VzL1RFQU0vNTU4ZjA5MjQtYzQxOS0xMWVmLWE3NzEtODU3YzVhMDFmNTEz';

describe('ids', () => {
  it('decodes a room id', () => {
    expect(decodeId(roomId)).toEqual({ type: 'ROOM', uuid: 'bbceb1ad-43f1-3b58-9147-f14bb0c4d154', region: 'us' });
  });

  it('encodes without padding, in the URL-safe alphabet', () => {
    expect(encodeId({ type: 'ROOM', uuid: 'bbceb1ad-43f1-3b58-9147-f14bb0c4d154' })).toBe(roomId);
  });

  it("gives a team's general room id", () => {
    expect(decodeId(teamIdToRoomId(teamId))).toEqual({ ...decodeId(teamId), type: 'ROOM' });
    expect(() => teamIdToRoomId(roomId)).toThrow(/a ROOM id, not a TEAM id/);
  });

  it.each([['not base64 !'], [''], ['aGVsbG8'], ['Y2lzY29zcGFyazovL3VzL1JPT00']])(
    'rejects %j with a clear error',
    (id) => {
      expect(() => decodeId(id)).toThrow(WebexIdError);
    },
  );

  it('round-trips any type, uuid and region (property)', () => {
    const part = fc.stringMatching(/^[A-Za-z0-9-]{1,40}$/);
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z][A-Z_]{0,20}$/), part, part, (type, uuid, region) => {
        const id = encodeId({ type, uuid, region });
        expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(decodeId(id)).toEqual({ type, uuid, region });
      }),
    );
  });

  it('never throws anything but WebexIdError on arbitrary input (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          decodeId(text);
        } catch (error) {
          expect(error).toBeInstanceOf(WebexIdError);
        }
      }),
    );
  });
});
