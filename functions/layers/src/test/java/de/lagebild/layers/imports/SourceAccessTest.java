package de.lagebild.layers.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import de.lagebild.common.testing.Tokens;
import de.lagebild.layers.testing.Layers;
import de.lagebild.layers.testing.SourceServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Source URLs as an attacker would use them: hosts outside the allow-list (the cloud metadata
 * address, internal names), redirects into them and redirect chains. The test profile allows
 * 127.0.0.1, where the source server runs, and nothing else.
 */
@QuarkusTest
class SourceAccessTest {

    private static SourceServer source;
    private static SourceServer internal;

    @BeforeAll
    static void start() {
        internal = new SourceServer().serve("/secret", "/wfs/kitas-gml32.xml", "application/gml+xml; version=3.2");
        String internalUrl = internal.url("/secret").replace("127.0.0.1", "localhost");
        source = new SourceServer()
                .serve("/wfs32", "/wfs/kitas-gml32.xml", "application/gml+xml; version=3.2")
                .redirect("/to-internal", internalUrl)
                .redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/")
                .redirect("/moved", "/wfs32")
                .redirect("/loop", "/loop");
    }

    @AfterAll
    static void stop() {
        source.close();
        internal.close();
    }

    @Test
    void aSourceUrlOutsideTheAllowListIsRefusedWhenTheLayerIsDefined() {
        for (String url : new String[] {"http://169.254.169.254/latest/meta-data/", internal.url("/secret").replace("127.0.0.1", "localhost"),
                "http://lagebild-chat.lagebild.svc.cluster.local/q/metrics", "file:///etc/passwd"}) {
            RestAssured.given().auth().oauth2(Tokens.of(Layers.ADMIN)).contentType(ContentType.JSON)
                    .body("{\"name\":\"Probe\",\"source\":{\"kind\":\"geojson\",\"url\":\"" + url + "\"}}")
                    .when().put("/v1/admin/layers/" + Layers.newId("probe"))
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("source.url"));
        }
        assertThat(internal.hits("/secret")).isZero();
    }

    @Test
    void aRedirectOutOfTheAllowListIsNotFollowedAndEveryFailureReadsTheSame() {
        String layer = Layers.newId("ssrf");
        Layers.define(layer, "wfs", source.url("/wfs32"), null);
        Layers.importFromSource(layer).then().statusCode(200);

        for (String path : new String[] {"/to-internal", "/to-metadata", "/loop", "/error", "/no-such-path"}) {
            redefine(layer, source.url(path));
            Layers.importFromSource(layer).then().statusCode(502).contentType("application/problem+json")
                    .body("report.failure", is("source")).body("detail", is(SourceDownload.FAILED));
        }
        redefine(layer, "http://127.0.0.1:9/nothing-listens-here");
        Layers.importFromSource(layer).then().statusCode(502).body("detail", is(SourceDownload.FAILED));

        assertThat(internal.hits("/secret")).isZero();
        assertThat(source.hits("/loop")).as("the first request and three redirects").isEqualTo(4);
    }

    @Test
    void aRedirectWithinTheAllowListIsFollowed() {
        String layer = Layers.newId("moved");
        Layers.define(layer, "wfs", source.url("/moved"), null);
        Layers.importFromSource(layer).then().statusCode(200).body("stored", is(6));
    }

    private static void redefine(String layer, String url) {
        RestAssured.given().auth().oauth2(Tokens.of(Layers.ADMIN)).contentType(ContentType.JSON)
                .body("{\"name\":\"Test " + layer + "\",\"source\":{\"kind\":\"wfs\",\"url\":\"" + url + "\"}}")
                .when().put("/v1/admin/layers/" + layer).then().statusCode(200);
    }
}
