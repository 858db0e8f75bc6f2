// Lint (`npm run lint`, part of `npm test`): typescript-eslint's recommended rules, Lit template rules and custom
// element rules. Runs through scripts/lint.mjs, which gives the parser its TypeScript (see .npmrc).
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

export default [
  { ignores: ['node_modules/', 'dist/', '.build/', 'bundle/', 'coverage/', 'demo/data/', 'tmp/'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/elements/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/elements/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['src/elements/**/*.ts'],
    rules: {
      'lit/no-template-bind': 'error',
      'lit/no-useless-template-literals': 'error',
      'lit/no-invalid-escape-sequences': 'error',
      'wc/guard-super-call': 'off', // LitElement defines every callback it overrides
      'wc/no-closed-shadow-root': 'error',
      // User text is data: it goes through Lit bindings, never through unsafeHTML/unsafeSVG.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'lit/directives/unsafe-html.js',
            'lit/directives/unsafe-svg.js',
            'lit-html/directives/unsafe-html.js',
          ],
        },
      ],
    },
  },
  {
    rules: {
      // `_x` names are Lit state and deliberate unused parameters.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests cast fixtures (`as never`) and use non-null assertions on what they just rendered.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
];
