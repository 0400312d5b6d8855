/** How a seeding run is told to a person: what was created and where to look. Used by `npm run seed` and `npm start -- --demo`. */
import type { SeedReport } from './seed';

export function printSeedReport(report: SeedReport, out: { write(text: string): unknown }): void {
  if (report.status === 'already-seeded') return void out.write('  Demo data is already there: nothing to do.\n');
  if (report.status === 'in-progress')
    return void out.write('  Another seeding run holds the demo claim: nothing done.\n');
  out.write(
    `  ${report.organizations.length} organizations, histories up to ${report.today} (${report.sweeps} sweep runs replayed):\n`,
  );
  for (const org of report.organizations)
    out.write(`    ${org.certificate ?? '—'.padEnd(18)}  ${org.name}  (${org.shows}; ${org.applicant})\n`);
}
