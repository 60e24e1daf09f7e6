/** A stream the CLI writes to: stdout or stderr, or a fake in tests. */
export interface OutStream {
  write(text: string): boolean;
  isTTY?: boolean;
  once?(event: 'drain', listener: () => void): unknown;
}

/** Everything the CLI touches outside itself. */
export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  stdin: AsyncIterable<string | Uint8Array>;
  env: Record<string, string | undefined>;
}

/** The real process streams and environment. */
export function processIo(): Io {
  // `webex rooms list | head` closes the pipe early; that is a normal end, not a crash.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/** Writes, waiting for the stream to drain when it asks to, so long listings do not pile up in memory. */
export async function write(stream: OutStream, text: string): Promise<void> {
  if (!stream.write(text) && stream.once) await new Promise<void>((resolve) => stream.once!('drain', resolve));
}

/** All of stdin as text. */
export async function readAll(stdin: AsyncIterable<string | Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of stdin) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}
