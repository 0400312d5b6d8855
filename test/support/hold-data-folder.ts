/**
 * A process that wants a data folder, for the lock's tests: `node --import tsx hold-data-folder.ts <dir> <holder>
 * <start-at-ms> <hold-ms>` waits until the given instant (so that several race for the lock at once), then prints
 * `held` and keeps the folder for hold-ms, or prints `refused` and exits 3.
 */
import { DataFolderInUse, lockDataFolder } from '../../functions/local/data-folder-lock';

const [dir, holder, startAt, holdMs] = process.argv.slice(2);
while (Date.now() < Number(startAt)) await new Promise((r) => setTimeout(r, 1));
try {
  const lock = await lockDataFolder(dir!, holder!);
  process.stdout.write(`held ${lock.owner.pid}\n`);
  setTimeout(() => process.exit(0), Number(holdMs));
} catch (error) {
  if (!(error instanceof DataFolderInUse)) throw error;
  process.stdout.write(`refused ${error.owner.pid}\n`);
  process.exit(3);
}
