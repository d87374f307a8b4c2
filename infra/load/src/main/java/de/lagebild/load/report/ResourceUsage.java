package de.lagebild.load.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Average and peak CPU and memory of one process group over the run. */
record ResourceUsage(String name, double cpuAverage, double cpuPeak, double memoryAverageMb, double memoryPeakMb) {

    static List<ResourceUsage> of(Map<String, List<ResourceSampler.Point>> series) {
        List<ResourceUsage> usage = new ArrayList<>();
        series.forEach((name, points) -> {
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
