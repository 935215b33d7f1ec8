/**
 * The relay code's clock. Forge runs it with Date.now; tests that exercise
 * lease expiry and the signature window swap in a fake clock instead of
 * sleeping. Nothing in a request can change it.
 */
let current: () => number = () => Date.now();

export const now = (): number => current();

/** Tests only: a fake clock, or the real one again when called with nothing. */
export function setRelayClock(clock?: () => number): void {
  current = clock ?? (() => Date.now());
}
