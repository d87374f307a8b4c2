import { onConnected } from '../stream';
import { flushAlarms, restoreAlarmOutbox } from './alarms';
import { loadCatalogue, restoreUnitStatus } from './unitStatus';

/** What survives a reload (alarms not yet sent, open status requests, the catalogue), and what each connect brings. */
export function startOps(): void {
  void restoreAlarmOutbox();
  void restoreUnitStatus();
  onConnected(() => { void flushAlarms(); void loadCatalogue(); });
}
