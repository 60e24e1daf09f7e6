import type { Change, DiffResult, Level } from './change.js';

/** Section headings per level. */
export const LEVEL_HEADINGS: Record<Level, string> = { breaking: 'Breaking', additive: 'Additive', docs: 'Docs-only' };

/** One line of plain English for a change; `code` marks up names (backticks in markdown). */
export function describeChange(change: Change, code: (text: string) => string = (text) => text): string {
  const { action, aspect, element, target } = change;
  const clip = (text: string | undefined) =>
    code(text === undefined ? '?' : text.length > 80 ? `${text.slice(0, 79)}…` : text);
  const fromTo =
    change.from !== undefined || change.to !== undefined ? ` from ${clip(change.from)} to ${clip(change.to)}` : '';
  let subject: string;
  if (element === 'enum') subject = `enum ${code(target)}`;
  else if (element === 'field')
    subject = `${change.direction === 'request' || change.direction === 'response' ? `${change.direction} ` : ''}field ${code(target)}`;
  else if (element === 'body' || element === 'result') subject = code(target);
  else subject = `${element} ${code(target)}`;

  switch (action) {
    case 'added':
    case 'removed': {
      if (element === 'enum') return `${subject}: value ${code(JSON.stringify(change.value))} ${action}`;
      const requirement =
        change.required === undefined || change.direction === 'response'
          ? ''
          : change.required
            ? ' (required)'
            : ' (optional)';
      return `${subject} ${action}${requirement}`;
    }
    case 'required':
    case 'optional':
      return `${subject} is now ${action}`;
    case 'docs':
      if (aspect === 'deprecated')
        return `${subject} ${change.to === 'true' ? 'is now deprecated' : 'is no longer deprecated'}`;
      return `${subject}: ${aspect ?? 'docs'} changed`;
    default:
      return `${subject}: ${aspect ?? 'type'} ${action}${fromTo}`;
  }
}

/** The one-line summary: counts per level and the bump they call for. */
function summaryLine(result: DiffResult): string {
  const { breaking, additive, docs } = result.counts;
  const total = breaking + additive + docs;
  if (!total) return 'No API changes.';
  return `${total} change${total === 1 ? '' : 's'} (${breaking} breaking, ${additive} additive, ${docs} docs-only): ${result.bump} bump.`;
}

/** The readable report: changes grouped under breaking, additive and docs-only, then the summary. */
export function formatText(result: DiffResult): string {
  const lines = [`webex-codegen diff ${result.old} → ${result.new}`, ''];
  for (const level of ['breaking', 'additive', 'docs'] as const) {
    const changes = result.changes.filter((c) => c.level === level);
    if (!changes.length) continue;
    lines.push(`${LEVEL_HEADINGS[level]} (${changes.length}):`, ...changes.map((c) => `  - ${describeChange(c)}`), '');
  }
  lines.push(summaryLine(result));
  return lines.join('\n');
}

/** The structured result, as printed by `--json`. */
export function formatJson(result: DiffResult): string {
  return JSON.stringify(result, null, 2);
}

/** The changes of one level as markdown list items, for changesets. */
export function markdownList(result: DiffResult, level: Level): string[] {
  return result.changes.filter((c) => c.level === level).map((c) => `- ${describeChange(c, (text) => `\`${text}\``)}`);
}
