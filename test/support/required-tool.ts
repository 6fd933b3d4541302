type Suite = (title: string, body: () => void) => void;

/**
 * A suite that needs a program from the machine's packages (pgbouncer, pgbackrest, PostgreSQL 15's
 * pg_basebackup) never skips silently. Under CI (`CI=true`; .ci/run installs them) or with
 * `REQUIRE_ALL_SUITES=true`, a missing program fails the suite with the command that installs it;
 * elsewhere the suite is skipped with a line on stderr saying so.
 */
export function describeNeeding(program: string, present: boolean, install: string): Suite {
  if (present) return describe;
  const message = `${program} is not installed: ${install} (.ci/run installs it)`;
  if (process.env.CI === 'true' || process.env.REQUIRE_ALL_SUITES === 'true') {
    return (title) =>
      describe(title, () =>
        it(`needs ${program}`, () => {
          throw new Error(message);
        }),
      );
  }
  process.stderr.write(`\nSKIPPED (${program} missing): ${message}\n`);
  return describe.skip;
}
