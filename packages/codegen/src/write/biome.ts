import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';

/** Biome's native binary, by platform, as its npm launcher names them (`@biomejs/biome/bin/biome`). */
const BINARIES: Readonly<Record<string, string>> = {
  'linux-x64': '@biomejs/cli-linux-x64/biome',
  'linux-arm64': '@biomejs/cli-linux-arm64/biome',
  'linux-musl-x64': '@biomejs/cli-linux-x64-musl/biome',
  'linux-musl-arm64': '@biomejs/cli-linux-arm64-musl/biome',
  'darwin-x64': '@biomejs/cli-darwin-x64/biome',
  'darwin-arm64': '@biomejs/cli-darwin-arm64/biome',
  'win32-x64': '@biomejs/cli-win32-x64/biome.exe',
  'win32-arm64': '@biomejs/cli-win32-arm64/biome.exe',
};

/** A linux whose C library is musl (Alpine): Node reports no glibc there. */
function isMusl(): boolean {
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  return report?.header?.glibcVersionRuntime === undefined;
}

/**
 * How to run Biome: its native binary for this platform when it is installed, found as Biome's launcher finds it
 * (`BIOME_BINARY` first), so that no Node process starts only to start it; else the launcher itself.
 */
function biomeCommand(): { file: string; args: string[] } {
  const require = createRequire(createRequire(import.meta.url).resolve('@biomejs/biome/package.json'));
  const launcher = require.resolve('@biomejs/biome/bin/biome');
  const platform = process.platform === 'linux' && isMusl() ? 'linux-musl' : process.platform;
  const binary = process.env.BIOME_BINARY ?? BINARIES[`${platform}-${process.arch}`];
  try {
    if (binary) return { file: require.resolve(binary), args: [] };
  } catch {
    // Not installed under that name: the launcher knows better.
  }
  return { file: process.execPath, args: [launcher] };
}

/** Found once: a generation runs Biome twice (the printed files, then the paths types). */
let command: { file: string; args: string[] } | undefined;

/** Runs the Biome CLI in `cwd`; rejects with its output when it fails. */
export function runBiome(cwd: string, args: string[]): Promise<void> {
  command ??= biomeCommand();
  const { file, args: prefix } = command;
  return new Promise((resolve, reject) => {
    execFile(file, [...prefix, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve();
      const output = `${stderr}${stdout}`.trim();
      reject(new Error(`cannot format the generated files with Biome:\n${output || String(error)}`));
    });
  });
}
