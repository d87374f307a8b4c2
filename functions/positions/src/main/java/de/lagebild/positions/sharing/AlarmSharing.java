package de.lagebild.positions.sharing;

/**
 * Whether user {@code u} shares their position now, as SQL: they have not paused sharing, or they
 * raised an alarm that is still active. An officer who needs help is seen by their rooms even if
 * they had paused (the chat function's audit row of the alarm says so); once the alarm has ended
 * the pause holds again. The alarms are the chat function's table (migration V13).
 */
public final class AlarmSharing {

    public static final String SHARES = """
            (u.sharing_paused_at is null or exists (select 1 from alarms a
              where a.raised_by = u.id and a.state in ('raised', 'acknowledged')))""";

    private AlarmSharing() {
    }
}
