/**
 * The import rules of docs/architecture.md, checked by `npm run lint` (dependency-cruiser). ESLint keeps
 * the rules it can see file by file (what views and the domain may import); this keeps what needs the
 * whole graph: no cycles between modules or between features, and features reached only through
 * their index.ts.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'A module must not depend on itself through others: split the shared part out.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'feature-through-index',
      severity: 'error',
      comment:
        'A feature is reached only through its index.ts; inside a feature, files import each other directly.',
      from: { path: '^src/domain/([^/]+)/' },
      to: {
        path: '^src/domain/[^/]+/',
        pathNot: ['^src/domain/$1/', '^src/domain/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'domain-through-index',
      severity: 'error',
      comment: 'Routes, views and the CLI call a feature through its index.ts.',
      from: { path: '^src/(http|views|cli|client|mail|redis|app\\.ts|cli\\.ts)' },
      to: { path: '^src/domain/[^/]+/', pathNot: '^src/domain/[^/]+/index\\.ts$' },
    },
    {
      name: 'db-below-domain',
      severity: 'error',
      comment: 'The database layer knows no feature, route or view.',
      from: { path: '^src/db/' },
      to: { path: '^src/(domain|http|views|client)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^src/client/' },
  },
}
