/**
 * Sources packed into a few large files for the formatter, and unpacked again. Biome formats each file on one
 * thread, and the scratch directory it reads costs a file creation per source (hundreds, slow on some disks): a
 * handful of batches of about {@link BATCH_BYTES} keeps every core busy and the disk quiet.
 *
 * Biome formats each top-level statement on its own and keeps the line breaks between statements, so a source formatted
 * inside a batch is the source formatted alone: each piece starts on a marker line (a comment, which Biome leaves on
 * its own line), has no blank line at either end (Biome drops those at the ends of a file), and is cut, when a large
 * source is split, only where one statement ends and the next `export` starts. `biome check` holds every generated
 * file to the formatting of the file alone, and the generator's tests compare the two.
 */

/** Size of a batch, and of the parts a larger source is cut into. */
export const BATCH_BYTES = 512 * 1024;

/** The line before each piece; no generated source contains it (checked). */
const MARKER = '// @webex-codegen-format-piece ';
const MARKER_LINE = /^\/\/ @webex-codegen-format-piece (\d+)\r?\n/m;

/** Texts packed for the formatter, and which pieces, in order, make each source again. */
export interface Batches {
  texts: string[];
  piecesOf: Map<string, number[]>;
}

/**
 * The text cut before top-level `export`s (a line that starts with it: nested lines are indented) that follow the end
 * of a statement directly (no blank line or comment between, which would be cut from what they belong to), in runs
 * of about `size` characters.
 */
export function topLevelParts(text: string, size = BATCH_BYTES): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const match of text.matchAll(/(?<=[};])\nexport /g)) {
    const cut = match.index + 1;
    if (cut - start >= size) {
      parts.push(text.slice(start, cut));
      start = cut;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * Piece `i` of a source as it goes in a batch: without blank lines at the source's own ends, and ending in one line
 * break there (as Biome leaves a file); where the source was cut, the cut is left as it is.
 */
function pieceBody(pieces: readonly string[], i: number): string {
  let body = pieces[i]!;
  if (i === 0) body = body.replace(/^\s*\n/, '');
  if (i === pieces.length - 1) body = `${body.trimEnd()}\n`;
  return body;
}

/** Sources (path → text) as a few batches of marked pieces. */
export function packBatches(sources: ReadonlyMap<string, string>, size = BATCH_BYTES): Batches {
  const texts: string[] = [];
  const piecesOf = new Map<string, number[]>();
  let batch: string[] = [];
  let batchLength = 0;
  let count = 0;
  for (const [path, text] of sources) {
    if (text.includes(MARKER.trim()))
      throw new Error(`${path} contains the formatter's batch marker "${MARKER.trim()}"`);
    const pieces = text.length > size ? topLevelParts(text, size) : [text];
    const numbers: number[] = [];
    pieces.forEach((_, i) => {
      const body = pieceBody(pieces, i);
      batch.push(`${MARKER}${count}\n${body}`);
      batchLength += body.length;
      numbers.push(count++);
      if (batchLength >= size) {
        texts.push(batch.join(''));
        batch = [];
        batchLength = 0;
      }
    });
    piecesOf.set(path, numbers);
  }
  if (batch.length > 0) texts.push(batch.join(''));
  return { texts, piecesOf };
}

/** The formatted sources, from the formatted batches of {@link packBatches}. */
export function unpackBatches(formatted: readonly string[], batches: Batches): Map<string, string> {
  const pieces = new Map<number, string>();
  for (const text of formatted) {
    const split = text.split(MARKER_LINE);
    // split: text before the first marker (nothing), then number, piece, number, piece …
    for (let i = 1; i < split.length; i += 2) pieces.set(Number(split[i]), split[i + 1]!);
  }
  const sources = new Map<string, string>();
  for (const [path, numbers] of batches.piecesOf) {
    sources.set(
      path,
      numbers
        .map((number) => {
          const piece = pieces.get(number);
          if (piece === undefined) throw new Error(`the formatter lost piece ${number} of ${path}`);
          return piece;
        })
        .join(''),
    );
  }
  return sources;
}
