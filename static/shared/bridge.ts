/**
 * The single place that loads `@forge/bridge`.
 *
 * The bridge reads `globalThis.__bridge.callBridge` (injected by the Forge
 * host before our bundle runs) as soon as its modules are evaluated, and
 * throws if it is missing. Loading it lazily turns that throw into a rejected
 * promise the page can show as an error state, instead of a blank page.
 */
export type ForgeBridge = typeof import('@forge/bridge');

let loading: Promise<ForgeBridge> | undefined;

export function loadBridge(): Promise<ForgeBridge> {
  if (!loading) {
    loading = import('@forge/bridge');
    // Do not keep a failed load, so a later call can try again.
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}
