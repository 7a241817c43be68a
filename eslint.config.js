// Lint rules, including the layer boundaries of STYLE.md habit 13: views render view models and
// never query; the domain knows nothing of HTTP or HTML; SQL only in *.queries.ts. The rules that need
// the whole import graph (cycles, features through their index.ts) are in .dependency-cruiser.cjs,
// run by scripts/check-architecture.mjs after ESLint.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'public/build/', 'bench/results/', 'coverage/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly' },
    },
  },
  {
    // Promise misuse is the bug type-aware linting exists for: a write whose rejection nobody hears, an
    // async callback where a sync one is expected (an event listener, a forEach), an await on a value.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
      // Stripping control characters from names, headers and XML is deliberate wherever it appears.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/views/**', 'src/client/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/**', '**/*.queries.js', '**/*.actions.js', '**/http/**'],
              message: 'Views render view models; they never query or write.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['fastify', '@fastify/*', '**/http/**', '**/views/**'],
              message: 'The domain knows nothing of HTTP or HTML.',
            },
          ],
        },
      ],
    },
  },
  {
    // SQL lives in *.queries.ts (and the database layer): actions call queries, routes call actions.
    files: ['src/**'],
    ignores: ['src/**/*.queries.ts', 'src/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$/]',
          message: 'SQL lives in *.queries.ts: move this query there and call it.',
        },
        {
          selector:
            "TaggedTemplateExpression[tag.name='sql'], TaggedTemplateExpression[tag.expression.name='sql']",
          message: 'SQL lives in *.queries.ts: move this query there and call it.',
        },
        {
          selector: "CallExpression[callee.object.name='sql']",
          message: 'SQL lives in *.queries.ts: move this query there and call it.',
        },
      ],
    },
  },
  {
    files: ['src/db/migrations/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/domain/**'],
              message: 'Migrations are frozen in time: import no app code.',
            },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Only src/config.ts reads process.env.' },
      ],
    },
  },
)
