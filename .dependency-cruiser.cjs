/**
 * The house's allowed imports (architecture.md draws them). `npm test` runs these rules
 * (tests/architecture.test.ts): a change that breaks one fails there.
 */
const layer = (name) => `^src/${name}/`;
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds the rules and their types: no database, no HTTP, no services, no I/O',
      severity: 'error',
      from: { path: layer('domain') },
      to: {
        path: '^src/(?!domain/)|^(fs|net|http|https|child_process|dns|pg)$|^node:(fs|net|http|https|child_process|dns)',
      },
    },
    {
      name: 'db-knows-only-the-domain',
      comment: 'src/db is the only place with SQL, below the use cases: it never reaches up',
      severity: 'error',
      from: { path: layer('db') },
      to: { path: '^src/(services|http|demo|gateway|cli)/' },
    },
    {
      name: 'gateway-below-services',
      comment: 'the payment gateway stands for an external service: it knows nothing of our use cases',
      severity: 'error',
      from: { path: layer('gateway') },
      to: { path: '^src/(services|http|demo|cli)/' },
    },
    {
      name: 'services-below-http',
      comment: 'use cases do not know how they are called',
      severity: 'error',
      from: { path: layer('services') },
      to: { path: '^src/(http|demo|cli)/' },
    },
    {
      name: 'http-is-thin',
      comment:
        'routes call use cases; the database is reached through them (the health probe and metrics read it directly)',
      severity: 'error',
      from: { path: layer('http'), pathNot: '^src/http/(metrics\\.ts|routes/health\\.ts)$' },
      to: { path: layer('db') },
    },
    {
      name: 'money-moves-in-payments',
      comment: 'only the payments module (its collection methods) speaks to the payment gateway',
      severity: 'error',
      from: { path: '^src/services/', pathNot: '^src/services/(payments/|deps\.ts$)' },
      to: { path: layer('gateway') },
    },
    {
      name: 'web-apart',
      comment: 'the web app speaks to the server through its HTTP API only',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js'],
    },
  },
};
