/**
 * Where the sweep's monitor keeps the last checkpoint it verified: one item (shared/store/keys logMonitor), moved
 * forward by a conditional write from the step it read, so that two runs at once cannot both keep their state and
 * a run never overwrites a newer one.
 */
import { keys } from '../../shared/store/keys';
import { CommitConflict, type RegistryStore } from '../../shared/store/port';
import type { MonitorState } from '../../shared/transparency-log/monitor';

export const LOG_MONITOR_ENTITY = 'logmonitor';

export interface KeptMonitorState {
  state: MonitorState;
  /** How many times it was moved forward: the condition of the next write. */
  step: number;
  checkedAt: string;
}

export async function readMonitorState(store: RegistryStore): Promise<KeptMonitorState | undefined> {
  const { pk, sk } = keys.logMonitor();
  const item = await store.getItem(pk, sk);
  if (item?.entity !== LOG_MONITOR_ENTITY) return undefined;
  return {
    state: { origin: String(item.origin), vkey: String(item.vkey), size: Number(item.size), root: String(item.root) },
    step: Number(item.step),
    checkedAt: String(item.checkedAt),
  };
}

/** Keeps `state` as verified at `checkedAt`; false when another run moved the item since `previous` was read. */
export async function keepMonitorState(
  store: RegistryStore,
  previous: KeptMonitorState | undefined,
  state: MonitorState,
  checkedAt: Date,
): Promise<boolean> {
  try {
    await store.commit({
      writes: [
        {
          kind: 'advance',
          value: {
            ...keys.logMonitor(),
            entity: LOG_MONITOR_ENTITY,
            step: (previous?.step ?? 0) + 1,
            ...state,
            checkedAt: checkedAt.toISOString(),
          },
          from: previous ? previous.step : null,
        },
      ],
    });
    return true;
  } catch (error) {
    if (error instanceof CommitConflict) return false;
    throw error;
  }
}
