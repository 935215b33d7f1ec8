/**
 * Builds both Custom UI pages with one command:
 *
 *   vite build --config static/vite.config.ts
 *
 * Each page is its own Vite root (`static/<page>/src`, holding `index.html`)
 * and is built into `static/<page>/dist`, the folder manifest.yml names as the
 * page's resource. `base: './'` keeps every asset URL relative, because Forge
 * serves a resource from a path we do not know at build time.
 *
 * Two independent `build()` calls (rather than one build with two inputs) keep
 * each page's `index.html` at the root of its own dist folder and keep the
 * pages from sharing chunks across folders.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type InlineConfig } from 'vite';

const staticDir = path.dirname(fileURLToPath(import.meta.url));

/** The Custom UI pages, by folder name under `static/`. */
export const PAGES = ['admin-page', 'space-settings'] as const;
export type PageName = (typeof PAGES)[number];

/** The complete, self-contained Vite config for one page. */
export function pageConfig(page: PageName): InlineConfig {
  return {
    configFile: false,
    root: path.join(staticDir, page, 'src'),
    base: './',
    publicDir: false,
    // Vite 8 compiles TSX itself (Oxc); no React plugin is needed.
    oxc: { jsx: { runtime: 'automatic' } },
    build: {
      outDir: path.join(staticDir, page, 'dist'),
      emptyOutDir: true,
      // Forge hosts pages in current Chrome, Edge, Firefox and Safari.
      target: 'es2022',
      sourcemap: false,
      // The ADS chunk is large by nature; the page loads it once, from Forge's CDN.
      chunkSizeWarningLimit: 2048,
    },
  };
}

export default defineConfig({
  root: staticDir,
  builder: {
    async buildApp(builder) {
      for (const page of PAGES) {
        await build(pageConfig(page));
      }
      // Both pages are built above; tell Vite not to build its default
      // client environment (there is no `static/index.html`).
      for (const environment of Object.values(builder.environments)) {
        environment.isBuilt = true;
      }
    },
  },
});
