// The jest configuration Stryker runs each mutant against: the project's, narrowed to the tests
// that state who may touch what (the hand-written access contract, isolation, ownership on
// delete, protected admin states, the model-based sequences and the policy's unit tests).
const base = require('../../jest.config.js');

module.exports = {
  ...base,
  rootDir: '../..',
  reporters: ['default'],
  // The whole contract matrix and the model-based sequences take a minute or more per mutant on
  // two cores; MUTATION_FULL=1 adds them (hours for the whole policy), the default is the suites
  // that pin the rules one by one.
  testMatch: [
    '<rootDir>/test/schema/access-policy.spec.ts',
    '<rootDir>/test/e2e/access-policy.e2e.spec.ts',
    '<rootDir>/test/e2e/isolation.e2e.spec.ts',
    '<rootDir>/test/e2e/delete-ownership.e2e.spec.ts',
    '<rootDir>/test/e2e/protected-states.e2e.spec.ts',
    ...(process.env.MUTATION_FULL === '1'
      ? ['<rootDir>/test/e2e/access-matrix.e2e.spec.ts', '<rootDir>/test/e2e/model-access.e2e.spec.ts']
      : []),
  ],
};
