// Type-aware lint for every workspace: floating promises, unsafe `any`, exhaustive switches.
import js from '@eslint/js';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/*.generated.ts', '**/node_modules/**', '**/coverage/**', 'data/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  comments.recommended,
  {
    languageOptions: {
      parserOptions: {
        // Sources belong to their workspace's tsconfig; tests to tsconfig.test.json (jest only transpiles them).
        project: ['./tsconfig.test.json', './*/tsconfig.json', './subgraphs/*/tsconfig.json', './rest-adapter/codegen/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      // A disabled rule says why, on the same line after `--`.
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: [] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests read JSON response bodies, which are untyped by nature; they are checked by their assertions.
    files: ['**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Jest callbacks and test doubles are written `async` by habit so that a later `await` needs no signature change;
      // an unneeded `async` there hides no bug. Sources keep the rule.
      '@typescript-eslint/require-await': 'off',
    },
  },
);
