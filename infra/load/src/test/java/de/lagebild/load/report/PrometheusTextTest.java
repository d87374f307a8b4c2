package de.lagebild.load.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final PrometheusText METRICS = new PrometheusText("""
            # HELP jvm_memory_used_bytes The amount of used memory
            jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1000.0
            jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 500.0
            jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 70.0
            jvm_memory_used_bytes_total 9.0
            process_cpu_time_ns_total 1.5E9
            http_server_requests_seconds_count{method="POST",status="200",uri="/v1/positions"} 42.0
            """);

    @Test
    void sumsTheSeriesOfOneMetricWithTheGivenLabels() {
        assertEquals(1500.0, METRICS.sum("jvm_memory_used_bytes", "area=\"heap\""));
        assertEquals(1570.0, METRICS.sum("jvm_memory_used_bytes"), "a longer metric name is another metric");
        assertEquals(1.5e9, METRICS.sum("process_cpu_time_ns_total"));
        assertEquals(42.0, METRICS.sum("http_server_requests_seconds_count{method=\"POST\",status=\"200\",uri=\"/v1/positions\"}"));
        assertEquals(0.0, METRICS.sum("no_such_metric"));
    }

    @Test
    void scrapesTheManagementInterfaceBesideTheApiPort() {
        assertEquals("http://127.0.0.1:9082/q/metrics", PrometheusText.metricsOf("http://127.0.0.1:8082").toString());
        assertEquals("http://127.0.0.1:9095/q/metrics", PrometheusText.metricsOf("http://127.0.0.1:8095/").toString());
    }
}
