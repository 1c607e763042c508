import { randomBytes } from 'node:crypto';
import { DEMO_USAGE, parseDemoArgs } from './demo/demo-options';
import { runDemo } from './demo/run-demo';

/** `npm run demo -- …`: demo data for the CCO console and dashboards (opt-in; never part of the base seed). */
async function main(): Promise<void> {
  let options;
  try {
    options = parseDemoArgs(process.argv.slice(2), () => randomBytes(2).toString('hex'));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${DEMO_USAGE}\n`);
    process.exit(2);
  }
  const started = Date.now();
  const s = await runDemo(options);
  process.stdout.write(
    [
      `Tenant ${options.tenant} (id ${s.tenantId}), run tag ${options.tag}, in ${((Date.now() - started) / 1000).toFixed(1)} s:`,
      `  ${s.agencies} agencies, ${s.teams} teams, ${s.collectors} collectors`,
      `  ${s.cases} cases, ${s.communications} communications, ${s.ptps} PTPs, ${s.repayments} repayments, ${s.inspections} quality inspections`,
      `  accounts (password ${options.userPassword}): ${s.logins[0]} … ${s.logins[s.logins.length - 1]}`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
