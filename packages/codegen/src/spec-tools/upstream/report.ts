import { hasDifferences, type Difference, type ResourceReport, type UpstreamResult } from './compare.js';

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

/** One difference in words, with names in backticks (the report is markdown, for terminals and issues alike). */
function describeDifference(difference: Difference): string {
  if (difference.kind === 'path-names')
    return `path parameter names differ: ours \`${difference.ours}\`, upstream \`${difference.upstream}\``;
  if (difference.kind === 'summary')
    return `summary: ours ${JSON.stringify(difference.ours)}, upstream ${JSON.stringify(difference.upstream)}`;
  const subject = `${difference.where} ${difference.name === '' ? 'body' : `\`${difference.name}\``}`;
  switch (difference.kind) {
    case 'only-upstream':
    case 'only-ours':
      return `${subject}: only ${difference.kind === 'only-ours' ? 'ours' : 'upstream'} (${difference.required ? 'required' : 'optional'})`;
    case 'type':
      return `${subject}: type \`${difference.ours}\` in ours, \`${difference.upstream}\` upstream`;
    case 'enum': {
      const list = (values: string[]) => values.map((v) => JSON.stringify(v)).join(', ');
      const parts = [
        ...(difference.onlyUpstream.length ? [`only upstream ${list(difference.onlyUpstream)}`] : []),
        ...(difference.onlyOurs.length ? [`only ours ${list(difference.onlyOurs)}`] : []),
      ];
      return `${subject}: enum values ${parts.join('; ')}`;
    }
    case 'required':
      return `${subject}: ${difference.ours ? 'required' : 'optional'} in ours, ${difference.upstream ? 'required' : 'optional'} upstream`;
  }
}

/** What the accepted divergences hid, and the entries that no longer match anything. */
function acceptedLines(result: UpstreamResult): string[] {
  const accepted = result.accepted;
  if (!accepted) return [];
  const parts = [
    ...Object.entries(accepted.byRule)
      .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
      .map(([rule, n]) => `${n} by ${rule}`),
    ...(accepted.byEntry ? [`${accepted.byEntry} by single entries`] : []),
  ];
  const lines = [
    '',
    `Accepted divergences (${accepted.file}): ${plural(accepted.hidden, 'difference')} not shown${parts.length ? ` (${parts.join(', ')})` : ''}.`,
  ];
  if (accepted.unused.length) {
    lines.push(
      '',
      `${plural(accepted.unused.length, 'accepted entry', 'accepted entries')} no longer ${accepted.unused.length === 1 ? 'matches' : 'match'} (the difference is gone or changed; remove or update ${accepted.unused.length === 1 ? 'it' : 'them'}):`,
      ...accepted.unused.map((entry) => `- \`${entry.operation}\` ${entry.kind}: ${entry.reason}`),
    );
  }
  return lines;
}

/** The summary line: counts first. */
function upstreamSummary(result: UpstreamResult): string {
  const { counts } = result;
  const changed = result.resources.reduce((total, r) => total + r.changed.length, 0);
  const outside = counts.notCompared
    ? ` ${plural(counts.notCompared, 'operation')} of ours ${counts.notCompared === 1 ? 'is' : 'are'} in resources these documents do not describe (not compared).`
    : '';
  if (!hasDifferences(result))
    return `No ${result.accepted?.hidden ? 'new ' : ''}differences: the ${plural(counts.matched, 'operation')} both sides have match.${outside}`;
  return (
    `**${plural(counts.resources, 'resource')} differ${counts.resources === 1 ? 's' : ''}**: ${plural(counts.onlyUpstream, 'operation')} only upstream, ${counts.onlyOurs} only ours, ` +
    `${plural(counts.differences, 'difference')} in ${changed} of the ${plural(counts.matched, 'operation')} both have.${outside}`
  );
}

function resourceHeading(report: ResourceReport): string {
  const differences = report.changed.reduce((total, c) => total + c.differences.length, 0);
  const counts = [
    ...(report.onlyUpstream.length ? [`${report.onlyUpstream.length} only upstream`] : []),
    ...(report.onlyOurs.length ? [`${report.onlyOurs.length} only ours`] : []),
    ...(differences ? [plural(differences, 'difference')] : []),
  ];
  const files = report.files.length
    ? ` (${report.files.map((f) => `${f}.yaml`).join(', ')})`
    : ' (no spec file of ours)';
  return `## ${report.resource}${files}: ${counts.join(', ')}`;
}

/** The readable report: the summary, then each resource that differs with its operations. */
export function formatUpstreamText(result: UpstreamResult): string {
  const documents = result.documents
    .map((d) => `${d.file} (${d.title}, ${plural(d.operations, 'operation')})`)
    .join(', ');
  const lines = [
    '# webex-codegen upstream',
    '',
    `Ours: ${result.specs}. Upstream: ${documents}.`,
    '',
    upstreamSummary(result),
    ...acceptedLines(result),
  ];
  for (const report of result.resources) {
    lines.push('', resourceHeading(report), '');
    for (const op of report.onlyUpstream) {
      lines.push(
        `- only upstream: \`${op.method} ${op.path}\`${op.summary ? ` ${op.summary}` : ''}${op.operationId && op.operationId !== op.summary ? ` (${op.operationId}, ${op.document})` : ` (${op.document})`}`,
      );
    }
    for (const op of report.onlyOurs)
      lines.push(`- only ours: \`${op.method} ${op.path}\`${op.operationId ? ` (${op.operationId})` : ''}`);
    for (const op of report.changed) {
      lines.push(
        `- \`${op.method} ${op.path}\`${op.operationId ? ` (${op.operationId})` : ''}:`,
        ...op.differences.map((d) => `  - ${describeDifference(d)}`),
      );
    }
  }
  return lines.join('\n');
}

/** The structured result, as `--json` prints it. */
export function formatUpstreamJson(result: UpstreamResult): string {
  return JSON.stringify({ same: !hasDifferences(result), ...result }, null, 2);
}
