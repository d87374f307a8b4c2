import { state } from '../state';
import type { StreamEvent } from '../types';
import { applyAlarmEvent, forgetRoomAlarms } from './alarms';
import { applyOrderEvent, forgetReminders } from './orders';
import { applyUnitStatusEvent, forgetRoomStatus, membersChanged } from './unitStatus';

/** The alarm, unit status and order part of one event of a room's log (called inside update()). */
export function applyOpsEvent(e: StreamEvent): void {
  if (e.event.startsWith('alarm.')) { applyAlarmEvent(e); return; }
  if (e.event.startsWith('unit.')) { applyUnitStatusEvent(e); return; }
  if (e.event.startsWith('order.')) { applyOrderEvent(e); return; }
  const p = e.payload as { userId?: string; id?: string; permissions?: string[] };
  const userId = p.userId;
  const me = !!userId && userId === state.me?.id;
  switch (e.event) {
    case 'room.member_removed':
      if (me) {
        forgetRoomAlarms(e.roomId);
        forgetRoomStatus(e.roomId, true);
        forgetReminders((r) => r.roomId === e.roomId);
      } else {
        membersChanged(e.roomId);
      }
      break;
    case 'room.member_added':
      membersChanged(e.roomId);
      break;
    case 'room.closed':
      forgetRoomStatus(e.roomId, false);
      forgetReminders((r) => r.roomId === e.roomId);
      break;
    // An order that is gone, or a chat this user can no longer read, leaves nothing to answer.
    case 'message.deleted':
      forgetReminders((r) => r.messageId === p.id);
      break;
    case 'chat.member_removed':
      if (me) forgetReminders((r) => r.chatId === e.chatId);
      break;
    case 'chat.permissions_changed':
      if (me && !p.permissions?.includes('read')) forgetReminders((r) => r.chatId === e.chatId);
      break;
    default:
      break;
  }
}
