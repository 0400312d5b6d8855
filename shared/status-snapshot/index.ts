/** The signed status snapshot: what a device offline knows of certificates that are not plainly valid. */
export {
  decodeSnapshot,
  encodeSnapshot,
  isStale,
  type ListedStatus,
  type SnapshotEntry,
  STATUS_SNAPSHOT_STALE_AFTER_HOURS,
  STATUS_SNAPSHOT_VERSION,
  type StatusSnapshot,
  snapshotEntryOf,
} from './format';
export {
  MAX_SNAPSHOT_LENGTH,
  type SnapshotCheck,
  STATUS_SNAPSHOT_JWS,
  STATUS_SNAPSHOT_TYP,
  snapshotSigningInput,
  verifySnapshot,
} from './jws';
