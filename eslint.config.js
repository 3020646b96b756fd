// The lint of `npm test`: typescript-eslint's strict, type-checked rules, and React's hooks rules
// for the web app. Formatting is prettier's (npm run format).
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  // schema.d.ts is generated from the OpenAPI document (npm run api-types)
  { ignores: ['**/dist/**', 'node_modules/**', 'data/**', 'web/src/api/schema.d.ts'] },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // numbers and booleans in messages and SQL texts are meant
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // a leading underscore marks what is left out on purpose (destructured away)
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // with noUncheckedIndexedAccess, `rows[0]!` is how a query known to return one row says so
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `() => void f()` and `(x) => set(x)` in handlers read better than braces
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // Fastify's hooks and handlers are async by contract, awaiting or not
      '@typescript-eslint/require-await': 'off',
      // openid-client marks allowInsecureRequests deprecated only to make it stand out: we call it for loopback issuers
      '@typescript-eslint/no-deprecated': [
        'error',
        { allow: [{ from: 'package', package: 'openid-client', name: 'allowInsecureRequests' }] },
      ],
    },
  },
  {
    // tests read response bodies as they come (JSON of any shape) and assert on them, and their
    // teardown guards against a setup that failed half-way (`app?.close()`)
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  { files: ['web/src/**/*.{ts,tsx}'], ...reactHooks.configs.flat.recommended },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
