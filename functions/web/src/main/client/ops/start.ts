import { onConnected } from '../stream';
import { flushAlarms, restoreAlarmOutbox } from './alarms';
import { restoreReminders, retryOwnAnswers } from './orders';
import { loadCatalogue, restoreUnitStatus } from './unitStatus';

/** What survives a reload (alarms not yet sent, open status requests and order reminders, the catalogue), and what each connect brings. */
export function startOps(): void {
  void restoreAlarmOutbox();
  void restoreUnitStatus();
  void restoreReminders();
  onConnected(() => { void flushAlarms(); void loadCatalogue(); retryOwnAnswers(); });
}
