// npm run lint: ESLint's and typescript-eslint's recommended rules, React's rules of hooks, and the
// project's own safety rules for code that handles hostile message content.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const reactHooks = require('eslint-plugin-react-hooks');

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'scripts/webpack/**', 'tests/validators/stix/pattern/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Message text must never become markup or code.
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Message content is hostile: render it as text.' },
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Message content is hostile: never assign HTML.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Message content is hostile: never insert HTML.' },
      ],
      // Matching control characters is the point in a tool that looks for hidden characters.
      'no-control-regex': 'off',
      // Lists of invisible and combining code points are written one by one on purpose.
      'no-misleading-character-class': 'off',
      // A timer handle read by a callback defined before the timer is set must stay `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', __filename: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Tests load modules late on purpose (after a global is set up, or to check a fresh instance).
  { files: ['tests/**'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
