package de.lagebild.load.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Average and peak CPU and memory of one process group over the run. */
record ResourceUsage(String name, double cpuAverage, double cpuPeak, double memoryAverageMb, double memoryPeakMb) {

    /** Over the samples taken between the given seconds of the run. */
    static List<ResourceUsage> of(Map<String, List<ResourceSampler.Point>> series, double fromSeconds, double toSeconds) {
        List<ResourceUsage> usage = new ArrayList<>();
        series.forEach((name, all) -> {
            List<ResourceSampler.Point> points = all.stream()
                    .filter(p -> p.seconds() >= fromSeconds && p.seconds() <= toSeconds + 1).toList();
            if (points.isEmpty()) {
                return;
            }
            double cpu = 0;
            double cpuPeak = 0;
            double memory = 0;
            double memoryPeak = 0;
            for (ResourceSampler.Point point : points) {
                cpu += point.cpuPercent();
                cpuPeak = Math.max(cpuPeak, point.cpuPercent());
                memory += point.memoryBytes();
                memoryPeak = Math.max(memoryPeak, point.memoryBytes());
            }
            usage.add(new ResourceUsage(name, cpu / points.size(), cpuPeak, memory / points.size() / 1048576,
                    memoryPeak / 1048576));
        });
        return usage;
    }

    String memoryKind() {
        return name.equals("postgresql") ? "PSS" : "RSS";
    }

    String line() {
        return String.format(Locale.ROOT, "%-12s CPU avg %5.0f %% peak %5.0f %%   %s avg %6.0f MB peak %6.0f MB",
                name, cpuAverage, cpuPeak, memoryKind(), memoryAverageMb, memoryPeakMb);
    }
}
