import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInput } from '../src/checks.js';
import { buildRequest } from '../src/core/request.js';
import { WebexValidationError } from '../src/errors/classes.js';

const BASE = 'https://webexapis.com/v1';

describe('buildRequest', () => {
  it('fills each path parameter, URL-encoded, and reuses a template with other values', () => {
    const template = '/teams/{teamId}/members/{membershipId}';
    const first = buildRequest(BASE, 'get', template, { params: { path: { teamId: 'a/b', membershipId: 'c d' } } });
    const second = buildRequest(BASE, 'get', template, { params: { path: { teamId: 'x', membershipId: 'y' } } });
    expect(first.url).toBe(`${BASE}/teams/a%2Fb/members/c%20d`);
    expect(second.url).toBe(`${BASE}/teams/x/members/y`);
    expect(first.method).toBe('GET');
  });

  it('leaves a parameter it was not given as it is, and fills one that ends the path or repeats', () => {
    expect(buildRequest(BASE, 'get', '/rooms/{roomId}/x/{other}', { params: { path: { roomId: 'r' } } }).url).toBe(
      `${BASE}/rooms/r/x/{other}`,
    );
    expect(buildRequest(BASE, 'get', '/{a}/{a}', { params: { path: { a: '1' } } }).url).toBe(`${BASE}/1/1`);
    expect(buildRequest(BASE, 'get', '/rooms', { params: { path: { roomId: 'r' } } }).url).toBe(`${BASE}/rooms`);
  });

  it('writes arrays as repeated names and objects as name[key], and skips empty values', () => {
    const request = buildRequest(BASE, 'get', '/rooms', {
      params: { query: { max: 10, ids: ['a', 'b'], filter: { type: 'group' }, none: undefined, nothing: null } },
    });
    expect(request.url).toBe(`${BASE}/rooms?max=10&ids=a&ids=b&filter%5Btype%5D=group`);
  });

  it('writes the arrays named comma-separated as one value, each item encoded (form, not exploded)', () => {
    const request = buildRequest(BASE, 'get', '/events', {
      params: { query: { categories: ['a b', 'c,d', null], ids: ['x', 'y'], empty: [] } },
      commaSeparatedQuery: ['categories', 'empty'],
    });
    expect(request.url).toBe(`${BASE}/events?categories=a%20b,c%2Cd&ids=x&ids=y`);
  });

  it('lower-cases header names, the call options winning over the input', () => {
    const request = buildRequest(BASE, 'get', '/rooms', { headers: { 'X-One': '1', Accept: 'a' } }, { accept: 'b' });
    expect(request.headers).toEqual({ 'x-one': '1', accept: 'b' });
  });

  it('serialises a JSON body with its content type, and sends form bodies as forms', () => {
    const json = buildRequest(BASE, 'post', '/messages', { body: { text: 'hi' } });
    expect(json.body).toBe('{"text":"hi"}');
    expect(json.headers['content-type']).toBe('application/json');

    const form = buildRequest(BASE, 'post', '/access_token', {
      body: { grant_type: 'refresh_token', skipped: undefined },
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(String(form.body)).toBe('grant_type=refresh_token');

    const multipart = buildRequest(BASE, 'post', '/messages', {
      body: { roomId: 'r', files: [new Blob(['x'])] },
      headers: { 'content-type': 'multipart/form-data' },
    });
    expect(multipart.body).toBeInstanceOf(FormData);
    // fetch writes the multipart header itself, with its boundary.
    expect(multipart.headers['content-type']).toBeUndefined();
  });

  it('has no body when none is given', () => {
    expect(buildRequest(BASE, 'delete', '/rooms/{roomId}', { params: { path: { roomId: 'r' } } }).body).toBeNull();
  });
});

describe('path parameters that pass the checks', () => {
  // A value that passes checkInput must stay one path segment once a URL parser has read it: no dot segment, no
  // slash, nothing that would make the request reach another operation.
  it('reach the server as the one segment they were given', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }), (value) => {
        try {
          checkInput('meetings.deleteRegistrationForm', { params: { path: { meetingId: value } } });
        } catch (error) {
          expect(error).toBeInstanceOf(WebexValidationError);
          return;
        }
        const request = buildRequest(BASE, 'delete', '/meetings/{meetingId}/registration', {
          params: { path: { meetingId: value } },
        });
        const segments = new URL(request.url).pathname.split('/');
        expect(segments).toHaveLength(5);
        expect(segments.slice(0, 3)).toEqual(['', 'v1', 'meetings']);
        expect(decodeURIComponent(segments[3]!)).toBe(value);
        expect(segments[4]).toBe('registration');
      }),
      { examples: [['.'], ['..'], ['./'], ['%2e'], ['.%2E'], ['a/..'], ['?x'], ['#'], ['\\..']] },
    );
  });

  it('are refused when empty, blank, "." or ".."', () => {
    for (const value of ['', ' ', '\t', '.', '..']) {
      expect(() => checkInput('rooms.get', { params: { path: { roomId: value } } })).toThrow(WebexValidationError);
    }
  });
});
