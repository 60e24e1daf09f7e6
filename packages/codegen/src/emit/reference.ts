import type { IrOperation, IrResource } from '../ir/types.js';
import { areaOf, type OperationEntry, operationEntry } from './operation-table.js';

/** The first sentence of an operation's description (or its summary), on one line. */
function oneLine(op: IrOperation): string {
  const text = (op.description ?? op.summary ?? '').replace(/\s+/g, ' ').trim();
  const sentence = /^(.*?[.!?])(\s|$)/.exec(text)?.[1] ?? text;
  return sentence.replaceAll('|', '\\|');
}

function paging(entry: OperationEntry): string {
  if (entry.stream) return `stream (${entry.stream})`;
  if (!entry.paging) return '';
  const { strategy, ...names } = entry.paging;
  if (strategy === 'link') return names.items === 'items' ? 'link' : `link (${names.items})`;
  return `${strategy} (${Object.values(names).join(', ')})`;
}

/** The server a resource's operations declare, as code: `https://api.wxcc-{region}.cisco.com`. */
function serverOf(resource: IrResource): string {
  const server = resource.operations.find((op) => op.server !== undefined)?.server;
  return server === undefined ? 'its own host' : `\`${server}\``;
}

/**
 * `docs/resources.md`: every resource and method with its HTTP method, path, paging and a one-line description, by
 * area. Method, path and paging are read from the operation table's entries, so the page and the table agree.
 */
export function emitReference(resources: IrResource[], marker: string): string {
  const areas = new Map<string, IrResource[]>();
  for (const r of resources) {
    const area = areaOf(r.source) ?? 'other';
    areas.set(area, [...(areas.get(area) ?? []), r]);
  }
  const count = resources.reduce((n, r) => n + r.operations.length, 0);
  const lines = [
    `<!-- ${marker} -->`,
    '',
    '# Resources',
    '',
    `Every generated method of \`Webex\`: ${resources.length} resources, ${count} operations, grouped by area (the folder of \`specs/\`).`,
    'Paging: `link` follows the `Link` header; `offset`, `scim` and `page` page with the query parameters named (`page`: then the',
    "items field, when the answer is not the array itself, and the totals' paths). Lists return a `Paginated` to iterate with",
    '`for await`, and streams (`stream (sse)`: server-sent events) an `EventStream` of their events, iterated the same way;',
    'everything else a promise of the answer. A resource served from another host than webexapis.com says which.',
    '',
  ];
  for (const area of [...areas.keys()].sort()) {
    lines.push(`## ${area}`, '');
    for (const r of areas.get(area)!.sort((a, b) => (a.property.join('.') < b.property.join('.') ? -1 : 1))) {
      lines.push(`### \`webex.${r.property.join('.')}\``, '');
      const served = r.host !== undefined ? ` Served from ${serverOf(r)} (host \`${r.host}\`).` : '';
      lines.push(
        `${r.description ?? ''} Source: \`specs/${r.source}.yaml\`; Webex tag${r.tags.length > 1 ? 's' : ''}: ${r.tags.map((t) => `"${t}"`).join(', ')}.${served}`.trim(),
        '',
      );
      lines.push('| method | HTTP | paging | what it does |', '|---|---|---|---|');
      for (const op of r.operations) {
        const entry = operationEntry(op, r);
        lines.push(
          `| \`${op.method}\` | \`${entry.method.toUpperCase()} ${entry.path}\` | ${paging(entry)} | ${oneLine(op)} |`,
        );
      }
      lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
