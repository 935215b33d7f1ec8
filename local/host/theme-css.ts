/**
 * The design-token CSS Forge supplies to a Custom UI page once it calls
 * `view.theme.enable()`: Atlassian's light and dark colour themes and the
 * spacing, typography and shape themes, taken from @atlaskit/tokens.
 */
const THEMES = ['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape'];

let cached: string | undefined;

export function themeCss(): string {
  if (cached === undefined) {
    cached = THEMES.map((name) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- generated CSS strings shipped as CommonJS modules
      const theme = require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${name}.js`) as { default: string };
      return theme.default;
    }).join('\n');
  }
  return cached;
}
