// 9. Editor responsiveness (issue #23: with ~1,850 operations "the editor stays responsive"): what an editor user waits
// for on a `webex.calling…` chain, measured with TypeScript's own language service (what VS Code's tsserver runs) over a
// small consumer file that imports `@webex-ts/client` as a user does, through its published declarations
// (packages/client/dist), with the compiler options of the type-check benchmark (strict, NodeNext, skipLibCheck).
//  - cold: a fresh language service in a fresh process, from nothing to the first completion list after
//    `webex.calling.`: every declaration file read, parsed and bound and the chain's types resolved, which is what
//    opening the file costs. Split into the program (read, parse, bind, resolve modules) and the completion itself.
//  - warm: completions at `webex.calling.people.`, `…people.callForwarding.`, `webex.calling.callQueues.` and quick
//    info (hover) on `…callForwarding.get` and on the awaited result, each right after a keystroke: the file's text
//    changed, so the service builds a new program (unchanged files reused) and a new type checker, as tsserver does on
//    every edit. Median of N after warm-ups; the same query again without an edit (checker caches warm) is noted.
//  - baseline: the same consumer on bare openapi-fetch with the client's `paths` (`@webex-ts/client/http`,
//    `createClient<paths>`): completion inside `client.GET('/telephony/config/…` (the path strings) and hover on
//    `data`, which is what a user of openapi-fetch alone waits for.
// Every answer is checked (the completion lists hold the expected members, the hovers show the model) and both fixtures
// must be free of errors, so a fast wrong answer fails. Targets (ours, an editor bar): warm ≤ 100 ms, cold ≤ 3 s.
//
//   node bench/editor.mjs                  the benchmark (BENCH_EDITOR_RUNS, _WARMUPS, _COLD_RUNS)
//   node bench/editor.mjs --cold <app>     one cold measure in this process (JSON on stdout), used by the above
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_DIR, fmtMB, fmtMs, median, Report, run } from './lib/util.mjs';

const WARM_RUNS = Number(process.env.BENCH_EDITOR_RUNS ?? 20);
const WARMUPS = Number(process.env.BENCH_EDITOR_WARMUPS ?? 3);
const COLD_RUNS = Number(process.env.BENCH_EDITOR_COLD_RUNS ?? 3);
const WARM_TARGET_MS = 100;
const COLD_TARGET_MS = 3000;
const FIXTURES = join(BENCH_DIR, 'fixtures/editor');

/** The compiler options of bench/fixtures/typecheck/tsconfig.json: what a small strict ESM app uses. */
const TSCONFIG = {
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};

/**
 * The places asked about, found by their text: `needle` must occur once, the cursor goes `offset` characters into it.
 * The file is the fixture as it is (valid code), or with `typed: [from, to]` applied: what the user has typed so far
 * when asking. A completion must list every `expect` name (and none of `absent`), a hover's text must contain every
 * `expect` string.
 */
const APPS = {
  webex: {
    file: 'webex-app.ts',
    label: 'webex.calling',
    cold: 'calling.',
    queries: {
      'calling.': {
        kind: 'completion',
        needle: 'webex.calling.people.callForwarding.get(',
        offset: 'webex.calling.'.length,
        expect: ['people', 'callQueues', 'workspaces', 'virtualLines', 'me', 'jobs'],
      },
      'people.': {
        kind: 'completion',
        needle: 'webex.calling.people.callForwarding.get(',
        offset: 'webex.calling.people.'.length,
        expect: ['callForwarding', 'voicemail', 'doNotDisturb'],
      },
      'people.callForwarding.': {
        kind: 'completion',
        needle: 'webex.calling.people.callForwarding.get(',
        offset: 'webex.calling.people.callForwarding.'.length,
        expect: ['get', 'update', 'listAvailableNumbers'],
      },
      'callQueues.': {
        kind: 'completion',
        needle: 'webex.calling.callQueues.list(',
        offset: 'webex.calling.callQueues.'.length,
        expect: ['list', 'get', 'create', 'update', 'delete'],
      },
      'hover get': {
        kind: 'hover',
        needle: 'callForwarding.get(personId)',
        offset: 'callForwarding.g'.length,
        expect: ['get(personId: string', 'Promise<CallingCallForwarding>'],
        documented: true,
      },
      'hover result': {
        kind: 'hover',
        needle: 'const forwarding = await',
        offset: 'const f'.length,
        expect: ['const forwarding: CallingCallForwarding'],
      },
    },
  },
  'openapi-fetch': {
    file: 'openapi-fetch-app.ts',
    label: 'bare openapi-fetch',
    cold: 'path',
    queries: {
      // The user is typing the path: `client.GET('/telephony/config/|', { … })`. On the complete path the language
      // service answers the first request after a keystroke with that one path only; with the call's first argument
      // alone, `client.GET('/telephony/config/|')`, with nothing (openapi-fetch's `init` is then missing).
      path: {
        kind: 'completion',
        typed: ["client.GET('/telephony/config/queues'", "client.GET('/telephony/config/'"],
        needle: "client.GET('/telephony/config/'",
        offset: "client.GET('/telephony/config/".length,
        expect: [
          '/telephony/config/queues',
          '/telephony/config/locations/{locationId}/queues/{queueId}',
          '/people/{personId}/features/callForwarding',
        ],
        // Only the paths with a GET: creating a queue is a POST on this one.
        absent: ['/telephony/config/locations/{locationId}/queues'],
      },
      'hover data': {
        kind: 'hover',
        needle: 'const { data } = await',
        offset: 'const { d'.length,
        expect: ['const data:', 'callForwarding', 'businessContinuity'],
      },
    },
  },
};

/** What VS Code sends with a completion request (its defaults for TypeScript files). */
const PREFERENCES = {
  includeCompletionsForModuleExports: true,
  includeCompletionsWithInsertText: true,
  includeCompletionsWithSnippetText: true,
  includeCompletionsWithClassMemberSnippets: true,
  includeCompletionsWithObjectLiteralMethodSnippets: true,
  includeAutomaticOptionalChainCompletions: true,
  includeCompletionsForImportStatements: true,
  useLabelDetailsInCompletionEntries: true,
  allowIncompleteCompletions: true,
  allowTextChangesInNewFiles: true,
  quotePreference: 'auto',
};

/** A language service over one fixture, as an editor holds it; `edit()` is a keystroke (a new version of the file). */
function createService(ts, appName) {
  const app = APPS[appName];
  const file = join(FIXTURES, app.file);
  const original = readFileSync(file, 'utf8');
  let text = original;
  let version = 0;
  const asked = {};
  const positions = {};
  for (const [name, query] of Object.entries(app.queries)) {
    let typed = original;
    if (query.typed) {
      const [from, to] = query.typed;
      if (original.split(from).length !== 2) throw new Error(`${app.file}: \`${from}\` must occur exactly once`);
      typed = original.replace(from, to);
    }
    const at = typed.indexOf(query.needle);
    if (at < 0 || typed.indexOf(query.needle, at + 1) >= 0)
      throw new Error(`${app.file}: \`${query.needle}\` must occur exactly once`);
    asked[name] = typed;
    positions[name] = at + query.offset;
  }
  const { options, errors } = ts.convertCompilerOptionsFromJson(TSCONFIG, FIXTURES);
  if (errors.length) throw new Error(ts.flattenDiagnosticMessageText(errors[0].messageText, '\n'));
  const snapshots = new Map();
  const host = {
    getCompilationSettings: () => options,
    getProjectVersion: () => String(version),
    getScriptFileNames: () => [file],
    getScriptVersion: (name) => (name === file ? String(version) : '0'),
    getScriptSnapshot: (name) => {
      if (name === file) return ts.ScriptSnapshot.fromString(text);
      if (!snapshots.has(name)) {
        const content = ts.sys.readFile(name);
        snapshots.set(name, content === undefined ? undefined : ts.ScriptSnapshot.fromString(content));
      }
      return snapshots.get(name);
    },
    getCurrentDirectory: () => FIXTURES,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (name) => ts.sys.fileExists(name),
    readFile: (name, encoding) => ts.sys.readFile(name, encoding),
    readDirectory: (...args) => ts.sys.readDirectory(...args),
    directoryExists: (name) => ts.sys.directoryExists(name),
    getDirectories: (name) => ts.sys.getDirectories(name),
    realpath: (name) => ts.sys.realpath(name),
    useCaseSensitiveFileNames: () => ts.sys.useCaseSensitiveFileNames,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  return {
    app,
    file,
    service,
    /**
     * A keystroke: a new version of the file, as it is when `name` is asked (the fixture itself without a name), with
     * a comment typed at its end that differs every time (the positions asked about stay where they are).
     */
    edit: (name) => {
      version++;
      text = `${name ? asked[name] : original}// keystroke ${version}\n`;
    },
    /** Runs one query: { ms, ok, detail, size }. */
    query(name) {
      const query = app.queries[name];
      // After a dot the editor asks as the dot was typed; inside a string, as the user invoked completion.
      const dot = text[positions[name] - 1] === '.';
      const started = performance.now();
      const answer =
        query.kind === 'completion'
          ? service.getCompletionsAtPosition(file, positions[name], {
              ...PREFERENCES,
              triggerKind: dot ? ts.CompletionTriggerKind.TriggerCharacter : ts.CompletionTriggerKind.Invoked,
              triggerCharacter: dot ? '.' : undefined,
            })
          : service.getQuickInfoAtPosition(file, positions[name]);
      const ms = performance.now() - started;
      return { ms, ...judge(ts, query, answer) };
    },
    diagnostics() {
      const started = performance.now();
      const found = [...service.getSyntacticDiagnostics(file), ...service.getSemanticDiagnostics(file)];
      const ms = performance.now() - started;
      return {
        ms,
        messages: found.map(
          (d) => `${d.start === undefined ? '' : `@${d.start} `}${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
        ),
      };
    },
  };
}

/** Whether an answer is right: { ok, detail, size } (size: entries of a completion list, characters of a hover). */
function judge(ts, query, answer) {
  if (!answer) return { ok: false, detail: 'no answer', size: 0 };
  if (query.kind === 'completion') {
    const names = new Set(answer.entries.map((entry) => entry.name));
    const missing = query.expect.filter((name) => !names.has(name));
    const extra = (query.absent ?? []).filter((name) => names.has(name));
    const wrongs = [...missing.map((name) => `missing ${name}`), ...extra.map((name) => `unexpected ${name}`)];
    return {
      ok: wrongs.length === 0,
      detail: `${wrongs.length ? `${wrongs.join(', ')} in ` : ''}${names.size} entries`,
      size: names.size,
    };
  }
  const text = ts.displayPartsToString(answer.displayParts);
  const docs = ts.displayPartsToString(answer.documentation ?? []);
  const missing = query.expect.filter((s) => !text.includes(s));
  if (query.documented && !docs.trim()) missing.push('(documentation)');
  return {
    ok: missing.length === 0,
    detail: `${missing.length ? `missing ${missing.join(', ')} in ` : ''}${text.slice(0, 160).replace(/\s+/g, ' ')}`,
    size: text.length,
  };
}

// --- one cold measure, in this (fresh) process ----------------------------------------------------------------
if (process.argv[2] === '--cold') {
  const appName = process.argv[3];
  const t0 = performance.now();
  const { default: ts } = await import('typescript');
  const tImport = performance.now();
  const editor = createService(ts, appName);
  editor.edit(editor.app.cold);
  const tService = performance.now();
  // Read, parse and bind every file, resolve the modules, build the type checker (the service does all of it here).
  const program = editor.service.getProgram();
  const tProgram = performance.now();
  const first = editor.query(editor.app.cold);
  const tFirst = performance.now();
  const files = program.getSourceFiles();
  process.stdout.write(
    `${JSON.stringify({
      typescript: ts.version,
      importMs: tImport - t0,
      programMs: tProgram - tService,
      completionMs: first.ms,
      firstMs: tFirst - tService,
      first: { ok: first.ok, detail: first.detail, size: first.size },
      files: files.length,
      declarationBytes: files.reduce((sum, f) => sum + (f.isDeclarationFile ? f.text.length : 0), 0),
      clientBytes: files
        .filter((f) => /packages\/(client|models|paginate)\/dist\//.test(f.fileName))
        .reduce((sum, f) => sum + f.text.length, 0),
      heapBytes: process.memoryUsage().heapUsed,
    })}\n`,
  );
  process.exit(0);
}

// --- the benchmark ----------------------------------------------------------------------------------------------
/** Share of all cores busy over `ms`, while this benchmark does nothing: other work on the machine skews timings. */
async function busyShare(ms) {
  const sample = () =>
    os.cpus().reduce(
      (acc, cpu) => {
        const all = Object.values(cpu.times).reduce((a, b) => a + b, 0);
        return { idle: acc.idle + cpu.times.idle, all: acc.all + all };
      },
      { idle: 0, all: 0 },
    );
  const before = sample();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = sample();
  return 1 - (after.idle - before.idle) / Math.max(1, after.all - before.all);
}

const report = new Report();
const busyBefore = await busyShare(1000);
const appNames = Object.keys(APPS);

// Cold: each in a fresh process (nothing compiled or cached), the two apps alternating.
const cold = Object.fromEntries(appNames.map((name) => [name, []]));
for (let i = 0; i < COLD_RUNS; i++) {
  for (const name of i % 2 ? [...appNames].reverse() : appNames) {
    const child = await run(process.execPath, [fileURLToPath(import.meta.url), '--cold', name], { cwd: BENCH_DIR });
    let result;
    try {
      result = JSON.parse(child.stdout.trim().split('\n').pop());
    } catch {
      report.check(`cold ${name}: the measuring process answered`, false, child.stderr.slice(-500));
      continue;
    }
    cold[name].push(result);
    report.check(
      `cold ${name}: first answer (${APPS[name].cold}) is right`,
      result.first.ok,
      result.first.detail.slice(0, 200),
    );
  }
}
const coldMedian = (name, field) => median(cold[name].map((r) => r[field]));

// Warm: one language service per app in this process, each query right after a keystroke, all interleaved.
const { default: ts } = await import('typescript');
const editors = Object.fromEntries(appNames.map((name) => [name, createService(ts, name)]));
const warm = {};
const again = {};
const wrong = {};
const diagnosticsMs = Object.fromEntries(appNames.map((name) => [name, []]));
const errors = Object.fromEntries(appNames.map((name) => [name, new Set()]));
for (const [name, editor] of Object.entries(editors)) {
  editor.edit(editor.app.cold);
  editor.query(editor.app.cold); // loads the program: the cold part, measured above in a fresh process
  for (const query of Object.keys(editor.app.queries)) {
    warm[`${name}/${query}`] = [];
    again[`${name}/${query}`] = [];
    wrong[`${name}/${query}`] = [];
  }
}
for (let i = 0; i < WARMUPS + WARM_RUNS; i++) {
  for (const [name, editor] of Object.entries(editors)) {
    for (const query of Object.keys(editor.app.queries)) {
      const key = `${name}/${query}`;
      editor.edit(query);
      const afterEdit = editor.query(query);
      const repeated = editor.query(query);
      if (!afterEdit.ok) wrong[key].push(afterEdit.detail);
      if (!repeated.ok) wrong[key].push(repeated.detail);
      if (i < WARMUPS) continue;
      warm[key].push(afterEdit.ms);
      again[key].push(repeated.ms);
    }
    // The fixture itself, as the editor checks it after a keystroke: it must have no errors.
    editor.edit();
    const diagnostics = editor.diagnostics();
    if (i >= WARMUPS) diagnosticsMs[name].push(diagnostics.ms);
    for (const message of diagnostics.messages) errors[name].add(message);
  }
}
for (const name of appNames) {
  report.check(
    `${APPS[name].file}: no errors (syntactic and semantic diagnostics)`,
    errors[name].size === 0,
    [...errors[name]].slice(0, 3).join(' | '),
  );
}
for (const [key, details] of Object.entries(wrong)) {
  report.check(
    `warm ${key}: every answer right (${WARMUPS + WARM_RUNS} after a keystroke, as many without)`,
    details.length === 0,
    details.slice(0, 2).join(' | '),
  );
}
const busyAfter = await busyShare(1000);

// --- rows --------------------------------------------------------------------------------------------------------
const bar = '(ours: an editor bar)';
const coldWebex = coldMedian('webex', 'firstMs');
const coldBare = coldMedian('openapi-fetch', 'firstMs');
report.row({
  benchmark: `11. editor, cold: first completion after \`webex.calling.\` (fresh language service, median of ${COLD_RUNS})`,
  measured: fmtMs(coldWebex),
  baseline: `${fmtMs(coldBare)} bare openapi-fetch, first path completion in client.GET('…`,
  ratio: coldWebex / coldBare,
  target: `<= ${COLD_TARGET_MS / 1000} s ${bar}`,
  met: coldWebex <= COLD_TARGET_MS,
});
const warmRow = (query, label, baselineQuery, baselineLabel) => {
  const measured = median(warm[`webex/${query}`]);
  const baseline = median(warm[`openapi-fetch/${baselineQuery}`]);
  report.row({
    benchmark: `11. editor, warm: ${label} (after a keystroke, median of ${WARM_RUNS})`,
    measured: fmtMs(measured),
    baseline: `${fmtMs(baseline)} bare openapi-fetch, ${baselineLabel}`,
    ratio: measured / baseline,
    target: `<= ${WARM_TARGET_MS} ms ${bar}`,
    met: measured <= WARM_TARGET_MS,
  });
};
const pathCompletion = "path completion in client.GET('/telephony/config/…";
warmRow('people.', 'completion at `webex.calling.people.`', 'path', pathCompletion);
warmRow('people.callForwarding.', 'completion at `webex.calling.people.callForwarding.`', 'path', pathCompletion);
warmRow('callQueues.', 'completion at `webex.calling.callQueues.`', 'path', pathCompletion);
warmRow('hover get', 'hover on `webex.calling.people.callForwarding.get`', 'hover data', 'hover on `data`');
warmRow('hover result', 'hover on the awaited result (`const forwarding`)', 'hover data', 'hover on `data`');

// --- notes -------------------------------------------------------------------------------------------------------
const first = (name) => cold[name][0] ?? {};
const coldNote = (name) =>
  `${APPS[name].label}: program (read, parse, bind) ${fmtMs(coldMedian(name, 'programMs'))} ` +
  `(${first(name).files} files, ${fmtMB(first(name).declarationBytes)} of declarations, ` +
  `${fmtMB(first(name).clientBytes)} of them the client's), then the completion ` +
  `${fmtMs(coldMedian(name, 'completionMs'))}; heap ${fmtMB(median(cold[name].map((r) => r.heapBytes)))}`;
report.note(
  `editor cold (TypeScript ${first('webex').typescript}, median of ${COLD_RUNS} fresh processes; loading typescript ` +
    `itself ${fmtMs(coldMedian('webex', 'importMs'))} more): ${coldNote('webex')}. ${coldNote('openapi-fetch')}`,
);
const spread = (key) => {
  const sorted = [...warm[key]].sort((a, b) => a - b);
  return `${fmtMs(median(sorted))} (${fmtMs(sorted[0])}–${fmtMs(sorted.at(-1))}; no edit ${fmtMs(median(again[key]))})`;
};
report.note(
  `editor warm, after a keystroke, median (min–max; the same query again without an edit): ` +
    Object.keys(warm)
      .map((key) => `${key} ${spread(key)}`)
      .join(', ') +
    `; the file's diagnostics after a keystroke: ${appNames
      .map((name) => `${name} ${fmtMs(median(diagnosticsMs[name]))}`)
      .join(', ')}`,
);
report.note(
  `editor: \`webex.calling.\` lists ${first('webex').first?.size} members; client.GET('…' offers ` +
    `${first('openapi-fetch').first?.size} path strings. CPU busy before/after: ${(busyBefore * 100).toFixed(0)}%/` +
    `${(busyAfter * 100).toFixed(0)}%${Math.max(busyBefore, busyAfter) > 0.1 ? ' (other work running: timings noisy)' : ''}`,
);
report.emit();
