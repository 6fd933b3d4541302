// Mutation testing of the access policy (npm run test:mutation; not part of .ci/run: see
// docs/RELIABILITY.md for its run time). Stryker changes one thing at a time in the policy code
// (a condition, an operator, a returned value) and runs the access tests against the mutant: a
// mutant that no test notices ("survived") is a rule the tests do not actually pin down.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'test/mutation/jest.config.js' },
  mutate: [
    'src/auth/policy/**/*.ts',
    // Where the repositories and the shared CRUD service apply the caller's scope (line ranges:
    // the filters, paging and row mapping around them are not the policy).
    'src/common/crud/crud.repository.ts:47-58',
    'src/common/crud/crud.repository.ts:78',
    'src/common/crud/crud.repository.ts:94-103',
    'src/common/crud/crud.service.ts:47-146',
    'src/work-items/work-items.repository.ts:22-37',
    // Documentation text only: mutating it proves nothing about who may touch what.
    '!src/auth/policy/access-docs.ts',
    '!src/auth/policy/access.module.ts',
  ],
  // Only the mutants a test reaches are run, each against the tests that reach it; statics (module
  // level tables read once at start) would need every test per mutant and are reported separately.
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  // Each mutant's run boots the app again in the same jest process, and what jest keeps of every
  // run grows until the runner runs out of heap (seen after ~150 mutants, slower all the while):
  // a fresh runner every 15 mutants costs a few seconds and keeps each run as fast as the first.
  maxTestRunnerReuse: 15,
  timeoutMS: 60000,
  timeoutFactor: 3,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 95, low: 90, break: 90 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
