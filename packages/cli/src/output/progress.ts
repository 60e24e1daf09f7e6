import type { OutStream } from '../io.js';

/** A one-line "how far along" note on stderr, only when stderr is a terminal (never in CI logs or pipes). */
export class Progress {
  private visible = false;

  constructor(
    private readonly stream: OutStream,
    private readonly noun: string,
  ) {}

  update(items: number, pages: number): void {
    if (!this.stream.isTTY) return;
    const note = pages
      ? `${items} ${this.noun} fetched, ${pages} page${pages === 1 ? '' : 's'}…`
      : `fetching ${this.noun}…`;
    this.stream.write(`\r\x1b[K${note}`);
    this.visible = true;
  }

  /** Erases the note, before rows are printed under it or at the end. */
  clear(): void {
    if (!this.visible) return;
    this.stream.write('\r\x1b[K');
    this.visible = false;
  }
}
