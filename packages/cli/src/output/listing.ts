import type { Paginated } from '@webex-ts/client';
import type { Context } from '../command.js';
import { write } from '../io.js';
import { toJson } from './printable.js';
import { Progress } from './progress.js';
import { Table, type Column } from './table.js';

/** How to print a listing. */
export interface ListingSpec<T> {
  /** What the items are, plural: `rooms`. */
  noun: string;
  columns: Column<T>[];
  /** Show at most this many items, then stop fetching. */
  limit?: number | undefined;
  /** Show only the items this accepts. */
  filter?: (item: T) => boolean;
}

/**
 * Prints a listing page by page as it arrives: table rows, a JSON array
 * written incrementally (still one document), or NDJSON.
 */
export async function printListing<T>(context: Context, listing: Paginated<T>, spec: ListingSpec<T>): Promise<void> {
  const { io, format } = context;
  const table = new Table(spec.columns);
  const progress = new Progress(io.stderr, spec.noun);
  const limit = spec.limit ?? Infinity;
  let shown = 0;
  let fetched = 0;
  let pages = 0;

  const render = (item: T): string => {
    if (format === 'ndjson') return `${toJson(item)}\n`;
    if (format === 'json') return `${shown === 0 ? '[\n' : ',\n'}${toJson(item)}`;
    return `${shown === 0 ? table.header() : ''}${table.row(item)}`;
  };

  progress.update(0, 0);
  try {
    for await (const page of listing.pages()) {
      pages += 1;
      fetched += page.items.length;
      let chunk = '';
      for (const item of page.items) {
        if (shown >= limit) break;
        if (spec.filter && !spec.filter(item)) continue;
        chunk += render(item);
        shown += 1;
      }
      progress.clear();
      await write(io.stdout, chunk);
      if (shown >= limit) break;
      progress.update(fetched, pages);
    }
  } finally {
    progress.clear();
  }

  if (format === 'json') await write(io.stdout, shown ? '\n]\n' : '[]\n');
  if (format === 'table' && shown === 0) await write(io.stderr, `No ${spec.noun} found.\n`);
}
