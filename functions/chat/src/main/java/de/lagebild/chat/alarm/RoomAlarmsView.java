package de.lagebild.chat.alarm;

import de.lagebild.common.alarms.AlarmView;
import java.util.List;

/** A room's alarms: the active ones, newest first, and the most recently ended ones. */
public record RoomAlarmsView(List<AlarmView> active, List<AlarmView> recent) {
}
