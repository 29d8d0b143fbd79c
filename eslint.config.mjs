// Flat ESLint config: typescript-eslint's recommended rules, type-aware, over src/ and test/, and
// eslint-plugin-regexp's: patterns on user text must run in linear time (DESIGN.md, "Known pitfalls").
import eslint from '@eslint/js';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-output/', 'deployment/build/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  regexp.configs['flat/recommended'],
  {
    rules: {
      // A pattern that backtracks polynomially on a long answer blocks every traveller's turn.
      'regexp/no-super-linear-backtracking': 'error',
      // Unanchored patterns that rescan a run at every position are quadratic on long input.
      'regexp/no-super-linear-move': 'error',
      // ASCII punctuation as CommonMark defines what a backslash escapes: !-/ :-@ [-` {-~.
      'regexp/no-obscure-range': [
        'error',
        { allowed: ['alphanumeric', '!-/', ':-@', '[-`', '{-~'] },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
