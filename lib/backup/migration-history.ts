import type { MigrationFile } from "@/lib/database/migrate";
import { BackupError } from "./backup-error";
import type { MigrationRecord } from "./manifest";

export type MigrationPlan = {
  /** The repository's migration files, in the order the backup applied them. */
  toApply: MigrationFile[];
  /** The repository's migrations the backup predates: `npm run db:migrate` (or `npm start`) applies them after the restore. */
  newer: string[];
};

/**
 * A backup is restored by rebuilding its schema from this repository's migration files, so the
 * backup's history must be the start of the repository's: the same names with the same checksums,
 * and nothing the repository has that sorts in between. Any difference is named.
 */
export function planMigrations(backup: MigrationRecord[], repository: MigrationFile[]): MigrationPlan {
  const byName = new Map(repository.map((file) => [file.name, file]));
  const inBackup = new Set(backup.map((migration) => migration.name));
  const lastInBackup = [...inBackup].sort().at(-1) ?? "";
  const problems: string[] = [];
  for (const migration of backup) {
    const file = byName.get(migration.name);
    if (!file) {
      problems.push(
        `the backup's database applied ${migration.name}, which this copy of Gongkai does not have (restore with the version that took the backup, or a newer one)`,
      );
    } else if (file.checksum !== migration.checksum) {
      problems.push(
        `${migration.name} differs: the backup applied a file with sha256 ${migration.checksum.slice(0, 12)}…, this copy has ${file.checksum.slice(0, 12)}…`,
      );
    }
  }
  const newer: string[] = [];
  for (const file of repository) {
    if (inBackup.has(file.name)) continue;
    if (file.name < lastInBackup) {
      problems.push(`this copy has ${file.name}, which the backup's database never applied although it applied the later ${lastInBackup}`);
    } else {
      newer.push(file.name);
    }
  }
  if (problems.length) {
    throw new BackupError(`The backup's migration history does not match this copy of Gongkai:\n  - ${problems.join("\n  - ")}\nNothing was restored.`);
  }
  return { toApply: backup.map((migration) => byName.get(migration.name)!), newer };
}
