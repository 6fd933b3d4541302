// The jest configuration Stryker runs each mutant against: the project's, narrowed to the tests
// that state who may touch what (the hand-written access contract, isolation, ownership on
// delete, protected admin states, the model-based sequences and the policy's unit tests).
const base = require('../../jest.config.js');

module.exports = {
  ...base,
  rootDir: '../..',
  reporters: ['default'],
  // One file that imports the suites that pin the rules one by one (see it for why; not named
  // .spec.ts, so npm test does not run them twice). MUTATION_FULL=1 adds the whole contract matrix
  // and the model-based sequences (a minute or more per mutant on two cores).
  testMatch: ['<rootDir>/test/mutation/policy-suites.mutation.ts'],
};
