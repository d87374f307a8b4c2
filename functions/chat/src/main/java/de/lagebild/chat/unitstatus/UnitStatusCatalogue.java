package de.lagebild.chat.unitstatus;

import de.lagebild.common.unitstatus.UnitStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The statuses officers may set: the configured catalogue, or the FMS statuses. A catalogue the
 * database could not store (a code of other characters, a code twice, labels too long) stops the
 * start instead of failing the first officer who picks that status.
 */
@ApplicationScoped
public class UnitStatusCatalogue {

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{1,8}");

    private final List<UnitStatus> statuses;
    private final Map<String, UnitStatus> byCode = new LinkedHashMap<>();

    public UnitStatusCatalogue(UnitStatusConfig config) {
        this.statuses = config.catalogue()
                .map(configured -> configured.stream()
                        .map(s -> new UnitStatus(s.code(), s.shortLabel(), s.label(), s.urgent())).toList())
                .orElse(FmsStatuses.CATALOGUE);
        for (UnitStatus status : statuses) {
            check(status);
            if (byCode.put(status.code(), status) != null) {
                throw new IllegalStateException("unit status code '" + status.code() + "' is configured twice");
            }
        }
        if (statuses.isEmpty()) {
            throw new IllegalStateException("the unit status catalogue is empty");
        }
    }

    public List<UnitStatus> statuses() {
        return statuses;
    }

    public Optional<UnitStatus> byCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    private static void check(UnitStatus status) {
        if (!CODE.matcher(status.code()).matches()) {
            throw new IllegalStateException("unit status code '" + status.code() + "' must be 1 to 8 letters or digits");
        }
        if (status.shortLabel().isBlank() || status.shortLabel().length() > 40) {
            throw new IllegalStateException("unit status " + status.code() + ": short label must be 1 to 40 characters");
        }
        if (status.label().isBlank() || status.label().length() > 200) {
            throw new IllegalStateException("unit status " + status.code() + ": label must be 1 to 200 characters");
        }
    }
}
