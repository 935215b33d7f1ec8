import '@atlaskit/css-reset';
import type { ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { enableTheming } from './theme';

/** How long the first render waits for the host's theme, to avoid a light flash in dark mode. */
const THEME_WAIT_MS = 800;

/**
 * Starts a Custom UI page: asks the host for theming, then renders `page`
 * into `#root`. Rendering does not wait longer than THEME_WAIT_MS for the theme.
 */
export async function startPage(page: ReactElement): Promise<void> {
  const container = document.getElementById('root');
  if (!container) {
    throw new Error('The page has no #root element to render into.');
  }
  await Promise.race([enableTheming(), delay(THEME_WAIT_MS)]);
  createRoot(container).render(page);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
