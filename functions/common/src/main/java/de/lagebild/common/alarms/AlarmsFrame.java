package de.lagebild.common.alarms;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The stream's {@code alarms} frame: every active alarm of the user's rooms, sent right after
 * {@code welcome} and before any replayed event, so that a (re)connecting client learns of an
 * alarm before it works through older messages (STREAM-PROTOCOL.md).
 */
@RegisterForReflection
public record AlarmsFrame(String type, List<AlarmView> alarms) {

    public static final String TYPE = "alarms";

    public static AlarmsFrame of(List<AlarmView> alarms) {
        return new AlarmsFrame(TYPE, List.copyOf(alarms));
    }
}
