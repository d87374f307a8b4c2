package de.lagebild.layers.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The production rules: only allowed hosts, and among them only those that resolve to public addresses. */
class SourcePolicyTest {

    private static final SourcePolicy STRICT = new SourcePolicy(config(List.of("localhost", "127.0.0.1", "[::1]",
            "169.254.169.254", "10.1.2.3", "192.168.0.1", "172.16.5.5", "100.64.0.1", "[fd00::1]", "[fe80::1]",
            "[::ffff:127.0.0.1]", "[::ffff:a9fe:a9fe]", "[64:ff9b::a9fe:a9fe]", "0.0.0.0", "geodienste.hamburg.de",
            ".example.org"), false));

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost/wfs", "http://127.0.0.1:8080/", "http://[::1]/", "http://169.254.169.254/latest/meta-data/",
            "http://10.1.2.3/", "http://192.168.0.1/", "http://172.16.5.5/", "http://100.64.0.1/", "http://[fd00::1]/",
            "http://[fe80::1]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:a9fe:a9fe]/", "http://[64:ff9b::a9fe:a9fe]/",
            "http://0.0.0.0/"})
    void allowedHostsThatAreNotPublicAreRefusedAfterResolution(String url) {
        URI uri = URI.create(url);
        assertThat(STRICT.allowsHostOf(uri)).as("on the allow-list").isTrue();
        assertThat(STRICT.refusalOf(uri)).contains("non-public address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://metadata.google.internal/", "http://evil.example.com/", "http://example.org/",
            "http://xexample.org/", "ftp://geodienste.hamburg.de/", "file:///etc/passwd",
            "http://admin:secret@geodienste.hamburg.de/", "http://geodienste.hamburg.de.evil.com/", "http://2130706433/"})
    void hostsNotOnTheListAreRefusedWithoutALookup(String url) {
        assertThat(STRICT.allowsHostOf(URI.create(url))).isFalse();
        assertThat(STRICT.refusalOf(URI.create(url))).startsWith("host not on the allow-list");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://geodienste.hamburg.de/HH_WFS_Schulen", "http://GEODIENSTE.hamburg.de/x",
            "https://wfs.example.org/a", "https://a.b.example.org/"})
    void allowedHostsAndSubdomainsPassTheHostCheck(String url) {
        assertThat(STRICT.allowsHostOf(URI.create(url))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost/", "http://127.0.0.1/"})
    void nonPublicAddressesPassOnlyWhenExplicitlyAllowed(String url) {
        SourcePolicy lenient = new SourcePolicy(config(List.of("localhost", "127.0.0.1"), true));
        assertThat(lenient.refusalOf(URI.create(url))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "https://geodienste.hamburg.de/"})
    void anEmptyListAllowsNoSourceAtAll(String url) {
        SourcePolicy uploadsOnly = new SourcePolicy(config(List.of(), true));
        assertThat(uploadsOnly.allowsAnySource()).isFalse();
        assertThat(uploadsOnly.refusalOf(URI.create(url))).isNotNull();
    }

    static SourceAccessConfig config(List<String> hosts, boolean allowNonPublic) {
        return new SourceAccessConfig() {
            @Override
            public Optional<List<String>> allowedHosts() {
                return Optional.of(hosts);
            }

            @Override
            public boolean allowNonPublicAddresses() {
                return allowNonPublic;
            }

            @Override
            public int maxRedirects() {
                return 3;
            }
        };
    }
}
