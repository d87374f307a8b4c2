import type { Alarm, OpenStatusRequest, PendingAlarm, StatusBoardEntry, UnitStatus } from './types';

/**
 * What the alarm and unit status screens show. Kept beside the app's state and changed, like it,
 * only inside update(), which re-renders the screens.
 */
export interface OpsState {
  /** The active alarms of this user's rooms, by alarm id (an alarm of two rooms is one entry). */
  alarms: Record<string, Alarm>;
  /** Alarms raised here that the server has not answered yet. */
  alarmOutbox: PendingAlarm[];
  /** The deployment's status catalogue, in the order to show it. */
  catalogue: UnitStatus[];
  /** The status board of each room looked at, by room id. */
  boards: Record<string, StatusBoardEntry[]>;
  /** Status requests that ask this user, oldest first. */
  openRequests: OpenStatusRequest[];
  /** What a room's details pane shows. */
  roomPane: 'members' | 'status';
  /** The room whose status picker is open. */
  pickerRoomId?: string;
}

export const ops: OpsState = { alarms: {}, alarmOutbox: [], catalogue: [], boards: {}, openRequests: [], roomPane: 'members' };
