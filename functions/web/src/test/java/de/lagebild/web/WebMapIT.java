package de.lagebild.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Geolocation;
import com.microsoft.playwright.options.MouseButton;
import de.lagebild.common.testing.OtlpTraceReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The live map end to end in Debian's Chromium (WebGL through SwiftShader) against the packaged
 * chat, media, positions, layers and web functions: the lead on a desktop, the officer on a phone,
 * both with an emulated geolocation. The steps build on each other, so they run in order. Tracing
 * is on as in a cluster with a collector, so an error notice names the trace of the refused request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebMapIT {

    /** The top bar has two switches: sharing the position ("Standort teilen", "Standort wird geteilt") and push notifications. */
    private static final Page.GetByRoleOptions SHARING_SWITCH = new Page.GetByRoleOptions().setName(Pattern.compile("^Standort"));

    private static final double OFFICER_LAT = 53.5503;
    private static final double OFFICER_LON = 9.9920;
    private static final double MOVED_LAT = 53.5536;
    private static final double MOVED_LON = 9.9975;
    private static final double LEAD_LAT = 53.5440;
    private static final double LEAD_LON = 10.0120;

    private OtlpTraceReceiver traces;
    private WebStack stack;
    private Chromium chromium;
    private AppUser lead;
    private AppUser officer;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String layerId = "web-it-" + run;
    private String roomId;
    private String chatId;
    private String officerId;
    private final List<String> leadRequests = new CopyOnWriteArrayList<>();
    private final AtomicLong officerFixSentAt = new AtomicLong();

    @BeforeAll
    void start() throws Exception {
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        traces = new OtlpTraceReceiver();
        stack = WebStack.tracedTo(traces);
        chromium = new Chromium();
        lead = new AppUser(chromium.browser, "lead1", 1440, 900, LEAD_LAT, LEAD_LON);
        officer = new AppUser(chromium.browser, "officer1", 390, 844, OFFICER_LAT, OFFICER_LON);
        lead.context.onRequest(request -> leadRequests.add(request.url()));
        officer.context.onRequest(request -> {
            if (request.method().equals("POST") && request.url().endsWith("/v1/positions")) {
                officerFixSentAt.compareAndSet(0, System.nanoTime());
            }
        });
        lead.signIn(stack.url());
        officer.signIn(stack.url());
        officerId = Rest.ok("GET", stack.chatUrl() + "/v1/me", "officer1", null).get("id").asText();
        roomId = Rest.ok("POST", stack.chatUrl() + "/v1/rooms", "lead1",
                "{\"clientId\":\"" + UUID.randomUUID() + "\",\"name\":\"Lage Karte " + run + "\"}").get("id").asText();
        Rest.ok("POST", stack.chatUrl() + "/v1/rooms/" + roomId + "/members", "lead1", "{\"userId\":\"" + officerId + "\",\"role\":\"member\"}");
        chatId = Rest.ok("POST", stack.chatUrl() + "/v1/rooms/" + roomId + "/chats", "lead1",
                "{\"clientId\":\"" + UUID.randomUUID() + "\",\"name\":\"Lagekarte " + run + "\",\"memberIds\":[\"" + officerId + "\"]}")
                .get("id").asText();
        createLayer();
        lead.page.navigate(stack.url() + "#/r/" + roomId + "/c/" + chatId);
        lead.awaitOnline();
        officer.page.navigate(stack.url() + "#/r/" + roomId + "/c/" + chatId);
        officer.awaitOnline();
        PlaywrightAssertions.assertThat(officer.page.locator(".chat-head h2")).hasText("Lagekarte " + run);
    }

    /** A layer of schools around the officer: a point, an area and a line, uploaded as GeoJSON. */
    private void createLayer() {
        Rest.ok("PUT", stack.layersUrl() + "/v1/admin/layers/" + layerId, "layeradmin1",
                "{\"name\":\"Schulen " + run + "\",\"category\":\"education\",\"attribution\":\"© Testdaten Hamburg\","
                        + "\"source\":{\"kind\":\"upload\"}}");
        String geojson = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"name":"Grundschule am Markt","schueler":312},
                  "geometry":{"type":"Point","coordinates":[9.9945,53.5515]}},
                 {"type":"Feature","properties":{"name":"Schulhof Nord"},
                  "geometry":{"type":"Polygon","coordinates":[[[9.9880,53.5540],[9.9930,53.5540],[9.9930,53.5560],[9.9880,53.5560],[9.9880,53.5540]]]}},
                 {"type":"Feature","properties":{"name":"Schulweg"},
                  "geometry":{"type":"LineString","coordinates":[[9.9860,53.5490],[9.9960,53.5480],[10.0010,53.5500]]}}]}""";
        Rest.Answer imported = Rest.send("POST", stack.layersUrl() + "/v1/admin/layers/" + layerId + "/import", "layeradmin1",
                "application/geo+json", geojson);
        assertThat(imported.status()).as(imported.body()).isBetween(200, 201);
    }

    @AfterAll
    void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {officer, lead, chromium, stack, traces}) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    System.out.println("closing: " + e);
                }
            }
        }
    }

    @AfterEach
    void pictures(TestInfo step) throws Exception {
        Path dir = Path.of("target", "steps");
        lead.screenshot(dir.resolve(step.getTestMethod().orElseThrow().getName() + "-lead.png"));
        officer.screenshot(dir.resolve(step.getTestMethod().orElseThrow().getName() + "-officer.png"));
    }

    private void openMap(AppUser user) {
        user.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Karte").setExact(true)).click();
        user.page.waitForFunction("() => window.lagebildMap && window.lagebildMap.map.loaded() && window.lagebildMap.status.phase === 'ready'"
                + " && window.lagebildMap.settled");
    }

    @Test
    @Order(1)
    void theMapCodeIsLoadedOnlyWhenTheMapOpens() {
        assertThat(leadRequests).noneMatch(url -> url.contains("/chunks/MapPanel") || url.contains("/maplibre/"));
        openMap(lead);
        assertThat(leadRequests).anyMatch(url -> url.contains("/chunks/MapPanel"));
        assertThat(leadRequests).anyMatch(url -> url.endsWith("/maplibre/maplibre-gl-worker.js"));
        assertThat(leadRequests).anyMatch(url -> url.endsWith("/map/style.json"));
        // Nothing from the internet: every request goes to this machine.
        assertThat(leadRequests).allMatch(url -> url.startsWith("http://127.0.0.1") || url.startsWith("blob:") || url.startsWith("data:"));
        assertThat(lead.page.evaluate("() => { const c = document.querySelector('.maplibregl-canvas'); return !!(c && c.getContext('webgl2')); }"))
                .isEqualTo(true);
    }

    @Test
    @Order(2)
    void theOfficersPositionIsOnTheLeadsMapWithinTwoSecondsMovesAndIsGoneWhenPaused() {
        Locator sharing = officer.page.getByRole(AriaRole.SWITCH, SHARING_SWITCH);
        PlaywrightAssertions.assertThat(sharing).hasAttribute("aria-checked", "false");
        sharing.click();
        PlaywrightAssertions.assertThat(sharing).hasAttribute("aria-checked", "true");
        PlaywrightAssertions.assertThat(sharing).containsText("Standort wird geteilt");

        lead.page.waitForFunction("() => window.lagebildMap.renderedForces().some(f => f.label.startsWith('Jonas Becker'))", null,
                new Page.WaitForFunctionOptions().setPollingInterval(20));
        long millis = (System.nanoTime() - officerFixSentAt.get()) / 1_000_000;
        System.out.println("officer's fix sent -> marker drawn on the lead's map: " + millis + " ms");
        assertThat(officerFixSentAt.get()).isPositive();
        assertThat(millis).isLessThan(2_000);
        // Drawn with the unit, and waited for: a GeoJSON update (the lead's own fix) re-tiles the forces in
        // the map's worker, and a query in between can find none of them.
        lead.page.waitForFunction("() => window.lagebildMap.renderedForces().some(f => f.label === 'Jonas Becker · PK 11')");

        officer.context.setGeolocation(new Geolocation(MOVED_LAT, MOVED_LON).setAccuracy(8));
        lead.page.waitForFunction("([id, lat]) => { const f = window.lagebildMap.forces.forces.get(id); return f && Math.abs(f.lat - lat) < 1e-6; }",
                List.of(officerId, MOVED_LAT));

        sharing.click();
        PlaywrightAssertions.assertThat(sharing).hasAttribute("aria-checked", "false");
        lead.page.waitForFunction("id => !window.lagebildMap.forces.forces.has(id) && !window.lagebildMap.renderedForces().some(f => f.id === id)", officerId);
        assertThat(Rest.ok("GET", stack.positionsUrl() + "/v1/positions/sharing", "officer1", null).get("paused").asBoolean()).isTrue();
    }

    @Test
    @Order(3)
    void aPoiAddedByTheLeadAppearsLiveOnTheOfficersMap() {
        officer.page.getByRole(AriaRole.SWITCH, SHARING_SWITCH).click();
        PlaywrightAssertions.assertThat(officer.page.getByRole(AriaRole.SWITCH, SHARING_SWITCH)).hasAttribute("aria-checked", "true");
        openMap(officer);
        PlaywrightAssertions.assertThat(officer.page.locator(".map-pane")).isVisible();
        PlaywrightAssertions.assertThat(officer.page.locator(".chat")).isHidden();

        centreOn(lead, OFFICER_LAT, OFFICER_LON, 15);
        BoundingBox box = lead.page.locator(".map-canvas").boundingBox();
        lead.page.mouse().click(box.x + box.width / 2 - 120, box.y + box.height / 2 - 80, new Mouse.ClickOptions().setButton(MouseButton.RIGHT));
        lead.page.getByLabel("Bezeichnung").fill("Sammelpunkt Nord");
        lead.page.getByLabel("Kategorie").fill("Sammelpunkt");
        lead.button("Anlegen").click();
        PlaywrightAssertions.assertThat(lead.page.getByLabel("Ort: Sammelpunkt Nord")).hasCount(1);

        centreOn(officer, OFFICER_LAT, OFFICER_LON, 14);
        PlaywrightAssertions.assertThat(officer.page.getByLabel("Ort: Sammelpunkt Nord")).isVisible();
    }

    @Test
    @Order(4)
    void draggingAPoiMovesItForEveryoneAndAMoveFromAStaleVersionIsAConflictWhoseNoticeNamesItsTrace() throws Exception {
        Locator poi = lead.page.getByLabel("Ort: Sammelpunkt Nord");
        String poiId = poi.getAttribute("data-poi");
        assertThat(version(lead, poiId)).isEqualTo(1);
        drag(lead, poi, 60, 30, null);
        officer.page.waitForFunction("id => window.lagebildMap.poiVersion(id) === 2", poiId);
        JsonNode moved = Rest.ok("GET", stack.positionsUrl() + "/v1/chats/" + chatId + "/map/pois", "officer1", null).get("features").get(0);
        assertThat(moved.get("properties").get("version").asInt()).isEqualTo(2);

        // The lead starts dragging version 2; meanwhile the officer's app moves it (version 3): the drop is a conflict.
        drag(lead, poi, -80, 40, () -> {
            Rest.ok("PUT", stack.positionsUrl() + "/v1/chats/" + chatId + "/map/pois/" + poiId, "officer1",
                    "{\"lat\":53.5512,\"lon\":9.9901,\"version\":2}");
            lead.page.waitForFunction("id => window.lagebildMap.poiVersion(id) === 3", poiId);
        });
        PlaywrightAssertions.assertThat(lead.page.locator(".notice")).containsText("Konflikt");
        assertThat(traceAnswering(referenceIn(lead.page.locator(".notice").textContent())))
                .as("the trace the notice names").contains(409L);
        JsonNode after = Rest.ok("GET", stack.positionsUrl() + "/v1/chats/" + chatId + "/map/pois", "officer1", null).get("features").get(0);
        assertThat(after.get("properties").get("version").asInt()).isEqualTo(3);
        assertThat(after.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(53.5512);
        // The marker is back where the server has it.
        lead.page.waitForFunction("id => { const m = document.querySelector(`[data-poi='${id}']`); const p = window.lagebildMap.pois.get(id);"
                + " return p && p.version === 3 && Math.abs(p.lat - 53.5512) < 1e-9; }", poiId);
        lead.screenshot(Path.of("target", "screenshots", "desktop-error-reference.png"));
        lead.page.locator(".notice button").click();
    }

    @Test
    @Order(5)
    void aPoiSharedIntoTheChatOpensTheMapThereAndADeletedPoiDisappears() {
        lead.page.getByLabel("Ort: Sammelpunkt Nord").click();
        lead.page.locator(".maplibregl-popup").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("In den Chat teilen")).click();
        officer.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("← Chat")).click();
        Locator message = officer.page.locator(".message", new Page.LocatorOptions().setHasText("Ort: Sammelpunkt Nord"));
        PlaywrightAssertions.assertThat(message).hasCount(1);
        message.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Auf der Karte zeigen")).click();
        PlaywrightAssertions.assertThat(officer.page.locator(".maplibregl-popup h3")).hasText("Sammelpunkt Nord");
        officer.page.waitForFunction("() => Math.abs(window.lagebildMap.map.getCenter().lat - 53.5512) < 1e-4");

        // A POI made here and deleted again goes from the other map as well.
        BoundingBox box = lead.page.locator(".map-canvas").boundingBox();
        lead.page.mouse().click(box.x + box.width / 2 + 150, box.y + box.height / 2 + 60, new Mouse.ClickOptions().setButton(MouseButton.RIGHT));
        lead.page.getByLabel("Bezeichnung").fill("Absperrung Ost");
        lead.button("Anlegen").click();
        PlaywrightAssertions.assertThat(officer.page.getByLabel("Ort: Absperrung Ost")).hasCount(1);
        lead.page.onceDialog(dialog -> dialog.accept());
        lead.page.getByLabel("Ort: Absperrung Ost").click();
        lead.page.locator(".maplibregl-popup").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Löschen")).click();
        PlaywrightAssertions.assertThat(officer.page.getByLabel("Ort: Absperrung Ost")).hasCount(0);
        PlaywrightAssertions.assertThat(lead.page.getByLabel("Ort: Absperrung Ost")).hasCount(0);
    }

    @Test
    @Order(6)
    void aLayerToggledOnRequestsItsVectorTilesDrawsItsFeaturesAndShowsTheirProperties() throws Exception {
        centreOn(lead, 53.5515, 9.9945, 15);
        lead.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ebenen")).click();
        Locator toggle = lead.page.locator("[data-layer='" + layerId + "']");
        PlaywrightAssertions.assertThat(lead.page.locator(".layer-group", new Page.LocatorOptions().setHas(toggle)).locator("legend")).hasText("Bildung");
        int before = tileRequests();
        toggle.check();
        lead.page.waitForFunction("id => window.lagebildMap.map.queryRenderedFeatures({ layers: ['data-' + id + '-point', 'data-' + id + '-fill', 'data-' + id + '-line'] }).length >= 3", layerId);
        int tiles = tileRequests() - before;
        System.out.println("vector tile requests after turning the layer on: " + tiles);
        assertThat(tiles).isPositive();
        PlaywrightAssertions.assertThat(lead.page.locator(".maplibregl-ctrl-attrib")).containsText("© Testdaten Hamburg");
        lead.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ebenen")).click();
        lead.screenshot(Path.of("target", "screenshots", "desktop-map-layer.png"));

        Object point = lead.page.evaluate("() => { const p = window.lagebildMap.map.project([9.9945, 53.5515]); return [p.x, p.y]; }");
        List<?> xy = (List<?>) point;
        BoundingBox box = lead.page.locator(".map-canvas").boundingBox();
        lead.page.mouse().click(box.x + ((Number) xy.get(0)).doubleValue(), box.y + ((Number) xy.get(1)).doubleValue());
        Locator popup = lead.page.locator(".maplibregl-popup");
        PlaywrightAssertions.assertThat(popup.locator("h3")).hasText("Schulen " + run);
        PlaywrightAssertions.assertThat(popup.locator("table.properties")).containsText("Grundschule am Markt");
        PlaywrightAssertions.assertThat(popup.locator("table.properties")).containsText("312");
        popup.locator(".maplibregl-popup-close-button").click();

        lead.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ebenen")).click();
        toggle.uncheck();
        lead.page.waitForFunction("id => !window.lagebildMap.map.getSource('data-' + id)", layerId);
        PlaywrightAssertions.assertThat(lead.page.locator(".maplibregl-ctrl-attrib")).not().containsText("© Testdaten Hamburg");
        lead.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ebenen")).click();
    }

    private int tileRequests() {
        return (int) leadRequests.stream().filter(url -> url.contains("/v1/layers/" + layerId + "/tiles/")).count();
    }

    @Test
    @Order(7)
    void alleKraefteFitsEveryForceIntoTheView() {
        lead.page.getByRole(AriaRole.SWITCH, SHARING_SWITCH).click();
        PlaywrightAssertions.assertThat(lead.page.getByRole(AriaRole.SWITCH, SHARING_SWITCH)).hasAttribute("aria-checked", "true");
        lead.page.waitForFunction("() => window.lagebildMap.forces.forces.size === 2");
        centreOn(lead, 48.137, 11.575, 12);
        assertThat(lead.page.evaluate("() => window.lagebildMap.allForcesInView()")).isEqualTo(false);
        lead.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Alle Kräfte")).click();
        lead.page.waitForFunction("() => !window.lagebildMap.map.isMoving() && window.lagebildMap.allForcesInView()"
                + " && window.lagebildMap.renderedForces().length === 2");
        lead.page.waitForFunction("() => { const drawn = window.lagebildMap.renderedForces().map(f => f.label).join('|');"
                + " return drawn.includes('Jonas Becker') && drawn.includes('Katrin Hoffmann'); }");
    }

    @Test
    @Order(8)
    void theForcesAreColouredByTheirUnitStatusAndAnUrgentStatusStandsOut() {
        setStatus("officer1", "4");
        lead.page.waitForFunction("id => window.lagebildMap.renderedForces().some(f => f.id === id && f.status === '4' && f.colour === '#b45309' && f.urgent === 0)",
                officerId);
        Locator legend = lead.page.locator(".map-legend");
        PlaywrightAssertions.assertThat(legend.locator("[data-legend='s4']")).containsText("4Einsatzort an1");
        PlaywrightAssertions.assertThat(legend.locator("[data-legend='none']")).containsText("ohne Status1");
        assertThat(lead.page.evaluate("() => window.lagebildMap.map.queryRenderedFeatures({ layers: ['forces-urgent'] }).length")).isEqualTo(0);

        // Status 0, the urgent speech request: red, larger, ringed, first in the legend, on the officer's own map as well.
        setStatus("officer1", "0");
        lead.page.waitForFunction("id => window.lagebildMap.renderedForces().some(f => f.id === id && f.status === '0' && f.urgent === 1 && f.colour === '#d0021b')"
                + " && window.lagebildMap.map.queryRenderedFeatures({ layers: ['forces-urgent'] }).length === 1", officerId);
        PlaywrightAssertions.assertThat(legend.locator("li").first()).hasAttribute("data-legend", "s0");
        PlaywrightAssertions.assertThat(legend.locator("li").first()).hasClass("urgent");
        PlaywrightAssertions.assertThat(legend.locator("li").first()).containsText("Prio. Sprechen");
        PlaywrightAssertions.assertThat(legend.locator("[data-legend='s4']")).hasCount(0);
        officer.page.waitForFunction("id => window.lagebildMap && window.lagebildMap.forces.statusOf(id)?.code === '0'", officerId);

        // The lead reports 3: both colours side by side (the screenshots show them).
        setStatus("lead1", "3");
        lead.page.waitForFunction("() => window.lagebildMap.renderedForces().some(f => f.label.startsWith('Katrin Hoffmann') && f.colour === '#e69100')");
        PlaywrightAssertions.assertThat(legend.locator("[data-legend='s3']")).containsText("Einsatzübernahme");
        PlaywrightAssertions.assertThat(legend.locator("[data-legend='none']")).hasCount(0);
        PlaywrightAssertions.assertThat(legend.locator("[data-legend='me']")).isVisible();
        lead.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kräfte (2)")).click();
        PlaywrightAssertions.assertThat(lead.page.locator(".force-list li", new Page.LocatorOptions().setHasText("Jonas Becker")).locator(".force-status.urgent"))
                .hasText("0 Prio. Sprechen");
        lead.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kräfte (2)")).click();
    }

    private void setStatus(String username, String code) {
        Rest.ok("POST", stack.chatUrl() + "/v1/rooms/" + roomId + "/unit-statuses", username,
                "{\"clientId\":\"" + UUID.randomUUID() + "\",\"code\":\"" + code + "\"}");
    }

    @Test
    @Order(9)
    void theLeadShowsTheOfficersTrackForATimeWindow() {
        lead.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kräfte (2)")).click();
        Locator row = lead.page.locator(".force-list li", new Page.LocatorOptions().setHasText("Jonas Becker"));
        PlaywrightAssertions.assertThat(row).containsText("PK 11");
        lead.page.getByLabel("Spur der letzten").selectOption("60");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Spur").setExact(true)).click();
        lead.page.waitForFunction("() => !window.lagebildMap.map.isMoving() && window.lagebildMap.map.queryRenderedFeatures({ layers: ['track-line'] }).length > 0");
        // The officer has no track menu: only managers see tracks.
        officer.page.waitForFunction("() => window.lagebildMap && window.lagebildMap.status.phase === 'ready'");
        officer.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kräfte (2)")).click();
        PlaywrightAssertions.assertThat(officer.page.locator(".force-list li")).hasCount(2);
        PlaywrightAssertions.assertThat(officer.page.locator(".force-list").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Spur").setExact(true))).hasCount(0);
        officer.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kräfte (2)")).click();
        lead.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kräfte (2)")).click();
    }

    @Test
    @Order(10)
    void aLocationMessageOpensTheMapAtItsPlace() {
        Rest.ok("POST", stack.chatUrl() + "/v1/chats/" + chatId + "/messages", "officer1", "{\"clientId\":\"" + UUID.randomUUID()
                + "\",\"kind\":\"location\",\"location\":{\"lat\":" + (MOVED_LAT + 0.0001) + ",\"lon\":" + MOVED_LON + ",\"accuracy\":8}}");
        Locator message = lead.page.locator(".message", new Page.LocatorOptions().setHasText("Standort: 53.55370"));
        PlaywrightAssertions.assertThat(message).hasCount(1);
        message.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Auf der Karte zeigen")).click();
        PlaywrightAssertions.assertThat(lead.page.locator(".focus-marker")).isVisible();
        lead.page.waitForFunction("([lat, lon]) => { const c = window.lagebildMap.map.getCenter(); return Math.abs(c.lat - lat) < 1e-4 && Math.abs(c.lng - lon) < 1e-4; }",
                List.of(MOVED_LAT + 0.0001, MOVED_LON));
    }

    @Test
    @Order(11)
    void screenshotsOfTheMapOnAPhoneAndOnADesktop() throws Exception {
        Path target = Path.of("target", "screenshots");
        lead.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ebenen")).click();
        lead.page.locator("[data-layer='" + layerId + "']").check();
        lead.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ebenen")).click();
        for (AppUser user : List.of(lead, officer)) {
            if (user.page.locator(".notice").count() > 0) {
                user.page.locator(".notice button").click();
            }
        }
        showEverything(lead);
        lead.screenshot(target.resolve("desktop-map.png"));

        if (officer.page.locator(".map-pane").count() == 0) {
            officer.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Karte").setExact(true)).click();
        }
        officer.page.waitForFunction("() => window.lagebildMap && window.lagebildMap.map.loaded() && window.lagebildMap.settled");
        showEverything(officer);
        officer.screenshot(target.resolve("phone-map.png"));
        if (Boolean.getBoolean("lagebild.test.update-screenshots")) {
            for (String name : List.of("desktop-map.png", "phone-map.png")) {
                Files.copy(target.resolve(name), Path.of("docs").resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    @Order(12)
    void aMemberWithoutReadSeesNoMapOfThatChat() {
        Rest.ok("PUT", stack.chatUrl() + "/v1/chats/" + chatId + "/members/" + officerId + "/permissions", "lead1",
                "{\"permissions\":[]}");
        PlaywrightAssertions.assertThat(officer.page.locator(".maplibregl-canvas")).hasCount(0);
        officer.page.navigate(stack.url() + "#/r/" + roomId + "/c/" + chatId + "/map");
        officer.reload();
        PlaywrightAssertions.assertThat(officer.page.locator(".map-unavailable")).hasText("Die Karte dieses Chats ist nicht verfügbar.");
        PlaywrightAssertions.assertThat(officer.page.locator(".maplibregl-canvas")).hasCount(0);
        assertThat(Rest.get(stack.positionsUrl() + "/v1/chats/" + chatId + "/map/positions", "officer1").status()).isEqualTo(403);
        assertThat(Rest.get(stack.positionsUrl() + "/v1/chats/" + chatId + "/map/pois", "officer1").status()).isEqualTo(403);
        // The stream refuses to watch it as well: the officer's map would get no positions.
        Object refused = officer.page.evaluate("chatId => new Promise(resolve => { const stop = window.lagebildWatch(chatId, f => {"
                + " if (f.type === 'error' || f.type === 'watching') { stop(); resolve(f.type === 'error' ? f.code : f.type); } }); })", chatId);
        assertThat(refused).isEqualTo("not_found");
    }

    /** Both forces, the POI and the layer's features in one view, everything drawn. */
    private static void showEverything(AppUser user) {
        // Popups left open by earlier steps would hide the forces.
        user.page.evaluate("() => document.querySelectorAll('.maplibregl-popup-close-button').forEach(b => b.click())");
        PlaywrightAssertions.assertThat(user.page.locator(".maplibregl-popup")).hasCount(0);
        // Room to the east for the lead's label, which is centred under the force at the east edge.
        user.page.evaluate("() => { window.lagebildMap.map.fitBounds([[9.984, 53.5425], [10.021, 53.5575]], { padding: 40, duration: 0 }); }");
        user.page.waitForFunction("() => !window.lagebildMap.map.isMoving() && window.lagebildMap.map.areTilesLoaded()"
                + " && window.lagebildMap.renderedForces().length === 2");
    }

    private static int version(AppUser user, String poiId) {
        return ((Number) user.page.evaluate("id => window.lagebildMap.poiVersion(id)", poiId)).intValue();
    }

    private static void centreOn(AppUser user, double lat, double lon, double zoom) {
        user.page.evaluate("([lat, lon, zoom]) => { window.lagebildMap.map.jumpTo({ center: [lon, lat], zoom }); }", List.of(lat, lon, zoom));
        user.page.waitForFunction("() => !window.lagebildMap.map.isMoving()");
    }

    /** Drags a marker by (dx, dy) pixels with the mouse; {@code whileHeld} runs after the drag began, before the drop. */
    private static void drag(AppUser user, Locator marker, double dx, double dy, Runnable whileHeld) {
        BoundingBox box = marker.boundingBox();
        double x = box.x + box.width / 2;
        double y = box.y + box.height - 6;
        Mouse mouse = user.page.mouse();
        mouse.move(x, y);
        mouse.down();
        mouse.move(x + dx / 2, y + dy / 2, new Mouse.MoveOptions().setSteps(5));
        if (whileHeld != null) {
            whileHeld.run();
        }
        mouse.move(x + dx, y + dy, new Mouse.MoveOptions().setSteps(5));
        mouse.up();
    }

    /** The trace id an error notice names for the user's report. */
    private static String referenceIn(String notice) {
        Matcher reference = Pattern.compile("Fehlerreferenz: ([0-9a-f]{32})").matcher(notice);
        assertThat(reference.find()).as("a reference in: %s", notice).isTrue();
        return reference.group(1);
    }

    /** The HTTP statuses the server spans of this trace answered, once the collector has any of them (at most 10 s). */
    private List<Long> traceAnswering(String traceId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Long> statuses = List.of();
        while (statuses.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            statuses = traces.spansOf(traceId).stream().filter(span -> span.getKind() == Span.SpanKind.SPAN_KIND_SERVER)
                    .flatMap(span -> span.getAttributesList().stream())
                    .filter(attribute -> attribute.getKey().equals("http.response.status_code"))
                    .map(attribute -> attribute.getValue().getIntValue()).toList();
        }
        return statuses;
    }
}
