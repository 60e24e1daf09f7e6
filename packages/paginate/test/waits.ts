// Waits for events, not for time: a condition (the server saw N requests, a page arrived), or a few turns of the
// event loop for work already started to finish. Real time bounds only failures.

/** Lets the event loop go round `turns` times, through its I/O phase: what the code under test started is done by then. */
export async function ioTurns(turns = 3): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Waits until `condition` holds, looking after each turn of the event loop; fails after `ms` of real time. */
export async function until(condition: () => boolean, ms = 3_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await ioTurns(1);
  }
}
