import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

/** A spec version ready to read: its root file, and how to clean up a temporary checkout. */
export interface SpecSource {
  /** How the source was given, for reports. */
  label: string;
  rootFile: string;
  dispose(): void;
}

/** Thrown when a source names no specs: a missing folder or file, or a git revision that does not resolve. */
export class SourceError extends Error {
  override name = 'SourceError';
}

/** Where to look: the working directory for paths, the repository root and its spec layout for `git:`. */
export interface SourceOptions {
  cwd: string;
  repoRoot: string;
  /** Root spec file relative to the repository root, e.g. `specs/webex.yaml`. */
  specs: string;
}

/** Resolves a folder (holding the root spec), a root spec file, or `git:<rev>` to a root spec file. */
export function openSource(arg: string, options: SourceOptions): SpecSource {
  if (arg.startsWith('git:')) return fromGit(arg, arg.slice(4), options);
  const path = resolve(options.cwd, arg);
  if (!existsSync(path)) throw new SourceError(`${arg}: no such file or folder`);
  const rootFile = statSync(path).isDirectory() ? join(path, basename(options.specs)) : path;
  if (!existsSync(rootFile)) throw new SourceError(`${arg}: no ${basename(options.specs)} in this folder`);
  return { label: arg, rootFile, dispose: () => {} };
}

function git(args: string[], cwd: string): Buffer {
  return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 512 * 1024 * 1024 });
}

/** Extracts the spec folder of a revision into a temporary folder with `git archive`. */
function fromGit(label: string, rev: string, options: SourceOptions): SpecSource {
  // A revision starting with `-` would be read as an option.
  if (!rev || rev.startsWith('-')) throw new SourceError(`${label}: expected git:<revision>`);
  let top: string;
  let prefix: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], options.repoRoot).toString().trim();
    prefix = git(['rev-parse', '--show-prefix'], options.repoRoot).toString().trim();
  } catch {
    throw new SourceError(`${label}: ${options.repoRoot} is not in a git repository`);
  }
  try {
    git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], top);
  } catch {
    throw new SourceError(`${label}: not a revision of the git repository at ${options.repoRoot}`);
  }
  const specDir = dirname(options.specs);
  const dir = mkdtempSync(join(tmpdir(), 'webex-codegen-diff-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    // `<rev>:<path>` archives that folder's tree with paths relative to it.
    const archive = git(['archive', '--format=tar', `${rev}:${prefix}${specDir}`], top);
    execFileSync('tar', ['-x', '-C', dir], { input: archive, stdio: ['pipe', 'ignore', 'pipe'] });
  } catch {
    dispose();
    throw new SourceError(`${label}: revision has no ${specDir}/ folder`);
  }
  const rootFile = join(dir, basename(options.specs));
  if (!existsSync(rootFile)) {
    dispose();
    throw new SourceError(`${label}: revision has no ${options.specs}`);
  }
  return { label, rootFile, dispose };
}
