import { state } from '../state';
import type { StreamEvent } from '../types';
import { applyAlarmEvent, forgetRoomAlarms } from './alarms';
import { applyOrderEvent } from './orders';
import { applyUnitStatusEvent, forgetRoomStatus, membersChanged } from './unitStatus';

/** The alarm and unit status part of one event of a room's log (called inside update()). */
export function applyOpsEvent(e: StreamEvent): void {
  if (e.event.startsWith('alarm.')) { applyAlarmEvent(e); return; }
  if (e.event.startsWith('unit.')) { applyUnitStatusEvent(e); return; }
  if (e.event.startsWith('order.')) { applyOrderEvent(e); return; }
  const userId = (e.payload as { userId?: string }).userId;
  switch (e.event) {
    case 'room.member_removed':
      if (userId === state.me?.id) { forgetRoomAlarms(e.roomId); forgetRoomStatus(e.roomId, true); } else membersChanged(e.roomId);
      break;
    case 'room.member_added':
      membersChanged(e.roomId);
      break;
    case 'room.closed':
      forgetRoomStatus(e.roomId, false);
      break;
    default:
      break;
  }
}
