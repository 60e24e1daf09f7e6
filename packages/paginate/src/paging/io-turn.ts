/** Node's `setImmediate`, where there is one (this package does not assume Node). */
const setImmediateIfAny = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;

/**
 * Resolves once Node's event loop has been round once, through its I/O phase (two `setImmediate`s: the first ends
 * this turn, the second comes after the next poll for I/O); undefined where there is no `setImmediate` (browsers,
 * whose fetch sends requests off the page's thread anyway).
 */
export function afterIoTurn(): Promise<void> | undefined {
  const immediate = setImmediateIfAny;
  return immediate ? new Promise((resolve) => immediate(() => immediate(resolve))) : undefined;
}
