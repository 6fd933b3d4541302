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
    // Where the repositories apply the caller's scope to their statements.
    'src/common/crud/crud.repository.ts',
    'src/common/crud/crud.service.ts',
    'src/work-items/work-items.repository.ts',
    // Documentation text only: mutating it proves nothing about who may touch what.
    '!src/auth/policy/access-docs.ts',
    '!src/auth/policy/access.module.ts',
  ],
  // Only the mutants a test reaches are run, each against the tests that reach it; statics (module
  // level tables read once at start) would need every test per mutant and are reported separately.
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 60000,
  timeoutFactor: 3,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 95, low: 90, break: 90 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
