import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const botFrameworkPackages = ['botbuilder', 'botbuilder-*', 'botframework-*', 'restify', 'restify-*'];
const openAiPackages = ['openai', 'openai/*', '@azure/openai', '@azure/openai/*'];

const restrict = (groups, message) => ({ group: groups, message });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'data/**', 'tests/lint-fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.mjs', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/bot/**', 'src/server.ts', 'src/ai/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(botFrameworkPackages, 'Bot Framework code lives only in src/bot/ and src/server.ts, so a move to the Agents SDK touches one layer.'),
            restrict(openAiPackages, 'The OpenAI SDK is used only in src/ai/.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/bot/**/*.ts', 'src/server.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [restrict(openAiPackages, 'The OpenAI SDK is used only in src/ai/.')] }],
    },
  },
  {
    files: ['src/ai/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [restrict(botFrameworkPackages, 'Bot Framework code lives only in src/bot/ and src/server.ts.')] },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'scripts/**/*.ts', 'tests/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', fetch: 'readonly' } },
  },
);
