package de.lagebild.load.fault;

import de.lagebild.load.phone.Deliveries;
import de.lagebild.load.report.BenchRun;
import java.util.Locale;

/** The line every fault run ends with: acknowledged, delivered, lost, duplicated, recovery time. */
final class FaultOutcome {

    private FaultOutcome() {
    }

    static void print(String fault, Deliveries.Count count, String recovery) {
        BenchRun.measuring(false);
        boolean passed = count.lost() == 0 && count.duplicated() == 0;
        System.out.println();
        System.out.printf(Locale.ROOT, "%s: acknowledged=%d (of %d sent) delivered=%d/%d lost=%d duplicated=%d "
                        + "recovery=%s -> %s%n", fault, count.acknowledged(), count.sent(), count.delivered(),
                count.expected(), count.lost(), count.duplicated(), recovery, passed ? "PASS" : "FAIL");
        if (count.deliveredUnacknowledged() > 0) {
            System.out.printf(Locale.ROOT, "  (%d deliveries of messages whose acknowledgement never arrived: committed, "
                    + "then the answer was lost; the phone's retry with the same client id would return them)%n",
                    count.deliveredUnacknowledged());
        }
        BenchRun.figure("acknowledged", count.acknowledged() + " of " + count.sent());
        BenchRun.figure("delivered", count.delivered() + " of " + count.expected());
        BenchRun.figure("lost (must be 0)", count.lost());
        BenchRun.figure("duplicated (must be 0)", count.duplicated());
        BenchRun.figure("recovery", recovery);
        BenchRun.figure("result", passed ? "PASS" : "FAIL");
    }

    static String seconds(long fromNanos, long toNanos) {
        return toNanos < 0 ? "never" : String.format(Locale.ROOT, "%.2f s", (toNanos - fromNanos) / 1e9);
    }
}
