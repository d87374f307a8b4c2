import { call } from '../api';
import type { Alarm, AlarmKind, AlarmPosition, StatusBoard, StatusChange, UnitStatus } from './types';

const json = (body: unknown) => JSON.stringify(body);

/** The chat function's alarm and unit status endpoints. */
export const opsApi = {
  raiseAlarm: (body: { clientId: string; kind: AlarmKind; text?: string; position?: AlarmPosition; roomIds?: string[] }) =>
    call<Alarm>('chat', '/v1/alarms', { method: 'POST', body: json(body) }, 1),
  alarm: (id: string) => call<Alarm>('chat', `/v1/alarms/${id}`),
  acknowledgeAlarm: (id: string) => call<Alarm>('chat', `/v1/alarms/${id}/acknowledge`, { method: 'POST' }),
  resolveAlarm: (id: string) => call<Alarm>('chat', `/v1/alarms/${id}/resolve`, { method: 'POST' }),
  cancelAlarm: (id: string) => call<Alarm>('chat', `/v1/alarms/${id}/cancel`, { method: 'POST' }),
  statusCatalogue: () => call<{ statuses: UnitStatus[] }>('chat', '/v1/unit-statuses'),
  statusBoard: (roomId: string) => call<StatusBoard>('chat', `/v1/rooms/${roomId}/unit-statuses`),
  setStatus: (roomId: string, clientId: string, code: string) =>
    call<StatusChange>('chat', `/v1/rooms/${roomId}/unit-statuses`, { method: 'POST', body: json({ clientId, code }) }),
  requestStatus: (roomId: string, clientId: string, userId?: string) =>
    call<unknown>('chat', `/v1/rooms/${roomId}/unit-status-requests`, { method: 'POST', body: json({ clientId, userId }) }),
};
