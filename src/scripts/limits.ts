/**
 * The engine's own limits, chosen to stay well inside Forge's (DESIGN
 * section 7): a consumer function runs up to `timeoutSeconds` (manifest:
 * 600), and the engine stops starting chunks after WORK_BUDGET_MS or half
 * the time it has left, whichever is first, so no invocation comes near
 * its limit; then it continues in a new event.
 */
export const WORK_BUDGET_MS = 120_000;
/** Forge: `delayInSeconds` at most 900. */
export const MAX_DELAY_SECONDS = 900;
/** How often, at most, a chunk re-reads the cancel request while it applies items. */
export const CANCEL_POLL_MS = 1_000;
