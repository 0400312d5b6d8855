/**
 * The layers, enforced: `npm run lint` fails on any import that crosses them the wrong way.
 *   shared/     the domain core: pure, imported by everyone, imports only its own files, zod and jose
 *   functions/  Lambda handlers, use cases and adapters: may import shared/
 *   web/        the pages: may import shared/, never functions/ or infra/
 *   infra/      the CDK app: may import shared/ definitions, never runtime code (functions/, web/src)
 *   scripts/, bench/, test/  tools at the top: may import anything below them
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle means two files are one concept, or a rule sits in the wrong layer.',
      from: {},
      // A type-only import erases at compile time and cannot order module initialisation.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'shared-is-the-core',
      severity: 'error',
      comment: 'shared/ runs in Lambda and in the browser: no other layer, no Node built-in, no AWS.',
      from: { path: '^shared/' },
      to: {
        path: '^(functions|web|infra|test|scripts|bench)/|^node:|^(fs|path|crypto|os|url|child_process)$|@aws-sdk|aws-cdk-lib',
      },
    },
    {
      name: 'shared-npm-allowlist',
      severity: 'error',
      comment: 'The core depends on zod and jose only.',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['npm', 'npm-dev'], pathNot: '^node_modules/(zod|jose)/' },
    },
    {
      name: 'web-is-static',
      severity: 'error',
      comment: 'The pages are static files: they use the core, never the functions or the stack.',
      from: { path: '^web/src/' },
      to: { path: '^(functions|infra|test|scripts|bench)/|^node:|@aws-sdk|aws-cdk-lib' },
    },
    {
      name: 'infra-has-no-runtime',
      severity: 'error',
      comment: 'The stack reads the core’s definitions (table, routes, environment); it never imports runtime code.',
      from: { path: '^infra/' },
      to: { path: '^(functions|web/src|test|scripts|bench)/' },
    },
    {
      name: 'functions-serve-no-pages',
      severity: 'error',
      from: { path: '^functions/' },
      to: { path: '^(web/src|infra|test|scripts|bench)/' },
    },
    {
      name: 'production-ignores-tests',
      severity: 'error',
      from: { path: '^(shared|functions|web|infra)/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|cdk\\.out|web/dist|\\.data)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
