/** A backup or restore that cannot go on, with a message for the operator (printed as is by the scripts). */
export class BackupError extends Error {
  override name = "BackupError";
}
