// The access suites Stryker runs against each mutant, in one test file: jest loads a file's
// imports (Nest, TypeORM, the whole app) afresh for every file it runs, which cost ~5 s per file
// and per mutant when they were five files; together they are loaded once per mutant.
import '../schema/access-policy.spec';
import '../e2e/access-policy.e2e.spec';
import '../e2e/isolation.e2e.spec';
import '../e2e/delete-ownership.e2e.spec';
import '../e2e/protected-states.e2e.spec';
import '../e2e/refusal-messages.e2e.spec';
import '../e2e/policy-edges.e2e.spec';

if (process.env.MUTATION_FULL === '1') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../e2e/access-matrix.e2e.spec');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../e2e/model-access.e2e.spec');
}
