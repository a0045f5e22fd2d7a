// Loads started by an effect: a failure (e.g. the session ended while the page was open) is
// reported on the console instead of becoming an uncaught error.
export function background(work: Promise<unknown>): void {
  work.catch((err: unknown) => console.warn(`BT-planeraren: ${(err as Error)?.message ?? String(err)}`));
}
