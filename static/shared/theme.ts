import { loadBridge } from './bridge';

/**
 * Asks the Forge host to theme this page: the host then sets `data-color-mode`
 * and `data-theme` on `<html>` and supplies the design-token CSS, so every
 * `token(...)` value and ADS component follows the user's light or dark theme.
 * Never throws: without theming the page still works, in token fallbacks.
 */
export async function enableTheming(): Promise<void> {
  try {
    const { view } = await loadBridge();
    await view.theme.enable();
  } catch (error: unknown) {
    console.warn('Could not enable Forge theming; using default colours.', error);
  }
}
