// Property-based tests: the Link parser and the backoff schedule hold their rules for any input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelayMs, nextLink, parseLinkHeader } from '../src/index.js';

const urlArb = fc.webUrl({ withQueryParameters: true }).filter((u) => !/[<>"\s,;]/.test(u));

describe('parseLinkHeader (properties)', () => {
  it('never throws, whatever the header', () => {
    fc.assert(fc.property(fc.string(), (header) => void parseLinkHeader(header)));
  });

  it('finds the next URL among any other well-formed links, in any order', () => {
    fc.assert(
      fc.property(
        urlArb,
        fc.array(fc.tuple(urlArb, fc.constantFrom('prev', 'first', 'last', 'self'))),
        fc.nat(),
        (next, others, at) => {
          const parts = others.map(([url, rel]) => `<${url}>; rel="${rel}"`);
          parts.splice(at % (parts.length + 1), 0, `<${next}>; rel="next"`);
          expect(nextLink(parts.join(', '))).toBe(new URL(next).href);
        },
      ),
    );
  });

  it('returns only links it could read completely', () => {
    fc.assert(
      fc.property(fc.string(), (header) => {
        for (const link of parseLinkHeader(header)) {
          expect(() => new URL(link.url)).not.toThrow();
          expect(link.rel.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('backoffDelayMs (properties)', () => {
  it('stays within [0, min(max, base·2^attempt)) and its ceiling never shrinks', () => {
    fc.assert(
      fc.property(
        fc.nat(30),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (attempt, base, max, r) => {
          const policy = { baseDelayMs: base, maxDelayMs: max };
          const delay = backoffDelayMs(attempt, policy, () => r);
          const ceiling = Math.min(max, base * 2 ** attempt);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThan(Math.max(ceiling, 1));
          const top = () => 0.999999;
          expect(backoffDelayMs(attempt + 1, policy, top)).toBeGreaterThanOrEqual(backoffDelayMs(attempt, policy, top));
        },
      ),
    );
  });
});
