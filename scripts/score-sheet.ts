/** Prints a complete GB/T 27922 score sheet whose total is the given number: handy for walking a case by hand. */
import { sheetWithTotal } from '../shared/scheme';

const total = Number(process.argv[2] ?? '90');
if (!Number.isFinite(total) || total < 0 || total > 100) {
  process.stderr.write('usage: npx tsx scripts/score-sheet.ts <total 0–100>\n');
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(sheetWithTotal(total))}\n`);
