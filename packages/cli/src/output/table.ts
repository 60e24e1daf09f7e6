import { oneLine } from './printable.js';

/** A table column: its header, a fixed width (none for the last, free column) and how to get the cell. */
export interface Column<T> {
  header: string;
  width?: number;
  value(row: T): string | undefined | null;
}

const GAP = '  ';

/**
 * Formats rows with fixed column widths, so each row can be printed the
 * moment it arrives and still line up with the rows before and after it.
 */
export class Table<T> {
  constructor(private readonly columns: Column<T>[]) {}

  header(): string {
    return this.line(this.columns.map((column) => column.header));
  }

  row(item: T): string {
    return this.line(this.columns.map((column) => column.value(item) ?? ''));
  }

  private line(cells: string[]): string {
    return `${cells
      .map((cell, index) => fit(cell, this.columns[index]!.width))
      .join(GAP)
      .trimEnd()}\n`;
  }
}

/** One line of `text` without control characters, cut with an ellipsis or padded to `width`. */
function fit(text: string, width: number | undefined): string {
  const line = oneLine(text);
  if (width === undefined) return line;
  return line.length > width ? `${line.slice(0, width - 1)}…` : line.padEnd(width);
}

/** `2026-11-02T17:24:08.183Z` as `2026-11-02 17:24` (UTC). */
export function shortDate(iso: string | undefined): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') : '';
}
