package de.lagebild.common.positions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.bus.Bus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Writes the payloads of the {@value PositionBatch#CHANNEL} channel ({@link PositionBatch} reads them):
 * {@code {"fixes":[{"u":..,"lat":..,"lon":..,"acc":..,"hdg":..,"spd":..,"t":..}],"gone":["<userId>"]}},
 * empty arrays and absent values left out, each payload under {@link Bus#MAX_PAYLOAD_BYTES}.
 * Items are serialised once and packed greedily, so a flush needs as few notifications as possible.
 */
public final class PositionPayloads {

    private static final String FIXES_OPEN = "{\"fixes\":[";
    private static final String GONE_AFTER_FIXES = "],\"gone\":[";
    private static final String GONE_OPEN = "{\"gone\":[";
    private static final String CLOSE = "]}";

    private PositionPayloads() {
    }

    public static List<String> split(ObjectMapper json, Collection<BusFix> fixes, Collection<UUID> gone, int maxBytes) {
        List<String> fixItems = new ArrayList<>(fixes.size());
        for (BusFix fix : fixes) {
            fixItems.add(write(json, fix));
        }
        List<String> goneItems = new ArrayList<>(gone.size());
        for (UUID user : gone) {
            goneItems.add('"' + user.toString() + '"');
        }
        List<String> payloads = new ArrayList<>();
        Packer packer = new Packer(maxBytes, payloads);
        fixItems.forEach(item -> packer.add(item, true));
        goneItems.forEach(item -> packer.add(item, false));
        packer.finish();
        return payloads;
    }

    private static String write(ObjectMapper json, BusFix fix) {
        try {
            return json.writeValueAsString(fix);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a bus fix cannot be written as JSON", e);
        }
    }

    /** Fills one payload after the other; all items are ASCII, so characters are bytes. */
    private static final class Packer {

        private final int maxBytes;
        private final List<String> payloads;
        private final StringBuilder current = new StringBuilder();
        private boolean inGone;

        Packer(int maxBytes, List<String> payloads) {
            this.maxBytes = maxBytes;
            this.payloads = payloads;
        }

        void add(String item, boolean fix) {
            if (item.getBytes(StandardCharsets.UTF_8).length + FIXES_OPEN.length() + GONE_AFTER_FIXES.length()
                    + CLOSE.length() > maxBytes) {
                throw new IllegalArgumentException("one bus item exceeds " + maxBytes + " bytes");
            }
            String opening = opening(fix);
            if (current.length() + opening.length() + item.length() + CLOSE.length() > maxBytes) {
                finish();
                opening = opening(fix);
            }
            current.append(opening).append(item);
            inGone |= !fix;
        }

        /** What goes before the item: the payload's start, the start of the gone list, or a comma. */
        private String opening(boolean fix) {
            if (current.length() == 0) {
                return fix ? FIXES_OPEN : GONE_OPEN;
            }
            if (!fix && !inGone) {
                return GONE_AFTER_FIXES;
            }
            return ",";
        }

        void finish() {
            if (current.length() > 0) {
                payloads.add(current.append(CLOSE).toString());
                current.setLength(0);
            }
            inGone = false;
        }
    }
}
