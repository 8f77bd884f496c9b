// ESLint flat config: eslint's and typescript-eslint's recommended rules with type information, so that
// promise mistakes (a floating or misused promise in an async action) are caught. Formatting is Prettier's
// job (`npm run format`; `npm run lint` checks both), so there are no stylistic rules here.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `const { prompt: _unused, ...rest } = x` and `(_name, value) =>` are how this code base drops a field or skips an argument.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The house's limits (CONTRIBUTING.md, "Layout"): a function a reader can hold in mind, a file a reader can skim.
    files: ['src/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 80 }],
      'max-lines': ['error', { max: 350 }],
    },
  },
  {
    files: ['__tests__/**/*.ts'],
    rules: {
      // Tests read JSON answers of the simulators and use vitest matchers (expect.any, expect.stringMatching), which are `any` by design.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // Test doubles stand in for async functions (an `async () => { throw … }` is what withRetries receives in production).
      '@typescript-eslint/require-await': 'off',
      // vi.mocked(process.stdout.write) / vi.spyOn(obj, 'method') pass methods around on purpose.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
)
