// ESLint (flat config): typescript-eslint everywhere, React hooks and the
// Atlassian design-system rules on the Custom UI pages. Prettier owns
// formatting, so no stylistic rules here.
import js from '@eslint/js';
import designSystem from '@atlaskit/eslint-plugin-design-system';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/', '**/dist/', 'coverage/', 'test-artifacts/', '.local-data/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `any` needs a reason in a comment next to an eslint-disable line.
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['static/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, '@atlaskit/design-system': designSystem },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...designSystem.configs['recommended/flat'].rules,
    },
  },
);
