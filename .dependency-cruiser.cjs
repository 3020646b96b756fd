/**
 * The house's allowed imports (architecture.md draws them). `npm test` runs these rules
 * (tests/architecture.test.ts): a change that breaks one fails there.
 */
const layer = (name) => `^src/${name}/`;
/** A rule: no import from `from` to `to` (each a dependency-cruiser path condition). */
const forbid = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });
module.exports = {
  forbidden: [
    forbid(
      'domain-is-pure',
      'src/domain holds the rules and their types: no database, no HTTP, no services, no I/O',
      { path: layer('domain') },
      {
        path: '^src/(?!domain/)|^(fs|net|http|https|child_process|dns|pg)$|^node:(fs|net|http|https|child_process|dns)',
      },
    ),
    forbid(
      'db-knows-only-the-domain',
      'src/db is the only place with SQL, below the use cases: it never reaches up',
      { path: layer('db') },
      { path: '^src/(services|http|demo|gateway|cli)/' },
    ),
    forbid(
      'gateway-below-services',
      'the payment gateway stands for an external service: it knows nothing of our use cases',
      { path: layer('gateway') },
      { path: '^src/(services|http|demo|cli)/' },
    ),
    forbid(
      'services-below-http',
      'use cases do not know how they are called',
      { path: layer('services') },
      { path: '^src/(http|demo|cli)/' },
    ),
    forbid(
      'http-is-thin',
      'routes call use cases; the database is reached through them (the health probe and metrics read it directly)',
      { path: layer('http'), pathNot: '^src/http/(metrics\\.ts|routes/health\\.ts)$' },
      { path: layer('db') },
    ),
    forbid(
      'money-moves-in-payments',
      'only the payments module (its collection methods) speaks to the payment gateway',
      { path: '^src/services/', pathNot: '^src/services/(payments/|deps\.ts$)' },
      { path: layer('gateway') },
    ),
    forbid(
      'web-apart',
      'the web app speaks to the server through its HTTP API only',
      { path: '^web/' },
      { path: '^src/' },
    ),
    forbid('no-circular', 'no import cycle', {}, { circular: true }),
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
