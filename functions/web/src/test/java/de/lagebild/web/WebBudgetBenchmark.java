package de.lagebild.web;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import de.lagebild.common.testing.Tokens;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The web client's budgets, measured (a benchmark, not a test: it prints figures and fails only if
 * it cannot measure). Run it alone:
 * {@code ./mvnw verify -Pmigrate -pl functions/web -am -Dit.test=WebBudgetBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false ...}
 * ({@code -Dit.test=WebBudgetBenchmark#map} for the map alone).
 */
class WebBudgetBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The chat screens: their code, the installed app's first render, the tab's memory over live messages. */
    @Test
    void chatScreens() throws Exception {
        // Five functions and a browser on a shared machine: wait as long as the browser tests do.
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        List<String> report = new ArrayList<>();
        report.add(bundleSize());
        try (WebStack stack = WebStack.start(); Chromium chromium = new Chromium();
                AppUser lead = new AppUser(chromium.browser, "lead1", 1440, 900)) {
            lead.signIn(stack.url());
            String chatId = openRoomAndChat(stack, lead);
            report.add(firstRender(stack, lead));
            report.add(memoryOverLiveMessages(stack, lead, chatId, 1000));
        }
        print(report, "web-budgets.txt");
    }

    /** The map: what opening it loads, none of it before, and 500 moving forces against the same map standing still. */
    @Test
    void map() throws Exception {
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        List<String> report = new ArrayList<>();
        report.add(mapCodeSize());
        try (WebStack stack = WebStack.start(); Chromium chromium = new Chromium();
                AppUser lead = new AppUser(chromium.browser, "lead1", 1440, 900)) {
            List<String> requests = new CopyOnWriteArrayList<>();
            lead.context.onRequest(request -> requests.add(request.url()));
            lead.signIn(stack.url());
            openRoomAndChat(stack, lead);
            report.add(mapWithMovingForces(lead, requests, 500, 5, 20));
        }
        print(report, "web-map-budgets.txt");
    }

    private static void print(List<String> report, String file) throws Exception {
        report.forEach(System.out::println);
        Files.write(Path.of("target", file), report);
    }

    private static final Path RESOURCES = Path.of("target", "classes", "META-INF", "resources");

    /** app.js with the chunks it imports at once (code shared with the map lands in such a chunk), and app.css. */
    private static String bundleSize() throws Exception {
        List<String> files = new ArrayList<>(List.of("app.js", "app.css"));
        Matcher imports = Pattern.compile("from\\s*\"\\./(chunks/[^\"]+\\.js)\"")
                .matcher(Files.readString(RESOURCES.resolve("app.js")));
        while (imports.find()) {
            files.add(imports.group(1));
        }
        long[] size = sizes(files);
        return String.format(Locale.ROOT, "chat screens (%s): %.1f KB, %.1f KB gzip (budget 150 KB gzip)",
                String.join(" + ", files), size[0] / 1024.0, size[1] / 1024.0);
    }

    /** What opening the map adds: its chunk (MapLibre included), MapLibre's worker and stylesheet. */
    private static String mapCodeSize() throws Exception {
        List<String> files = new ArrayList<>();
        // The chunk app.js imports when the map opens (target/ may hold older builds' chunks as well).
        Matcher chunk = Pattern.compile("import\\(\"\\./(chunks/MapPanel-[^\"]+\\.js)\"\\)").matcher(Files.readString(RESOURCES.resolve("app.js")));
        while (chunk.find()) {
            files.add(chunk.group(1));
        }
        files.add("maplibre/maplibre-gl-worker.js");
        files.add("maplibre/maplibre-gl.css");
        long[] size = sizes(files);
        return String.format(Locale.ROOT, "map, loaded when it opens (%s): %.1f KB, %.1f KB gzip",
                String.join(" + ", files), size[0] / 1024.0, size[1] / 1024.0);
    }

    private static long[] sizes(List<String> files) throws Exception {
        long raw = 0;
        long gzip = 0;
        for (String file : files) {
            byte[] bytes = Files.readAllBytes(RESOURCES.resolve(file));
            raw += bytes.length;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
                zip.write(bytes);
            }
            gzip += out.size();
        }
        return new long[] {raw, gzip};
    }

    /**
     * The map of a chat with {@code forces} forces, each sending a fix every {@code period} seconds, fed
     * into the map as the stream's positions frames arrive (every 250 ms, the positions function's
     * publish interval); frames per second counted in the page with requestAnimationFrame.
     */
    private static String mapWithMovingForces(AppUser lead, List<String> requests, int forces, int period, int seconds) {
        boolean loadedBefore = requests.stream().anyMatch(url -> url.contains("/chunks/MapPanel") || url.contains("/maplibre/"));
        lead.page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Karte").setExact(true)).click();
        lead.page.waitForFunction("() => window.lagebildMap && window.lagebildMap.map.loaded() && window.lagebildMap.status.phase === 'ready'");
        Object result = lead.page.evaluate("""
                async ([forces, period, seconds]) => {
                  const m = window.lagebildMap;
                  m.map.jumpTo({ center: [9.99, 53.55], zoom: 13 });
                  const ids = [...Array(forces).keys()].map(i => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
                  m.forces.useMembers(ids.map((id, i) => ({ userId: id, displayName: `Kraft ${i + 1}`, unit: `PK ${11 + (i % 30)}`, permissions: [], readUpToSeq: 0 })));
                  const place = ids.map(() => ({ lat: 53.55 + (Math.random() - 0.5) * 0.05, lon: 9.99 + (Math.random() - 0.5) * 0.08, hdg: Math.random() * 360 }));
                  const codes = ['1', '2', '3', '4', '6', '8'];
                  const statuses = Object.fromEntries(ids.map((id, i) => [id, i % 50 === 0
                    ? { code: '0', shortLabel: 'Prio. Sprechen', label: 'dringender Sprechwunsch', urgent: true }
                    : { code: codes[i % codes.length], shortLabel: 'Status', label: 'Status', urgent: false }]));
                  const fix = (i) => { const p = place[i]; p.lat += (Math.random() - 0.5) * 0.0004; p.lon += (Math.random() - 0.5) * 0.0006; p.hdg = (p.hdg + 20) % 360;
                    return { u: ids[i], lat: p.lat, lon: p.lon, acc: 5 + Math.random() * 20, hdg: p.hdg, t: new Date().toISOString() }; };
                  m.applyPositions(ids.map((_, i) => fix(i)), [], statuses);
                  await new Promise(r => setTimeout(r, 1000));
                  const count = (span) => new Promise(resolve => {
                    const frames = []; let last = performance.now(); const end = last + span * 1000;
                    const tick = (now) => { frames.push(now - last); last = now; if (now < end) requestAnimationFrame(tick); else resolve(frames); };
                    requestAnimationFrame(tick);
                  });
                  // The same map with the same forces standing still, right before: what this machine gives at all now.
                  const still = await count(seconds / 2);
                  const perFlush = Math.round(forces / period / 4);
                  let next = 0, sent = 0;
                  const feed = setInterval(() => { const batch = []; for (let k = 0; k < perFlush; k++) { batch.push(fix(next)); next = (next + 1) % forces; } sent += batch.length; m.applyPositions(batch, []); }, 250);
                  const frames = await count(seconds);
                  clearInterval(feed);
                  const sorted = [...frames].sort((a, b) => a - b);
                  const perSecond = []; let acc = 0, n = 0;
                  for (const f of frames) { acc += f; n++; if (acc >= 1000) { perSecond.push(n * 1000 / acc); acc = 0; n = 0; } }
                  return { frames: frames.length, fps: frames.length / seconds, stillFps: still.length / (seconds / 2), worstSecondFps: Math.min(...perSecond),
                    p95FrameMs: sorted[Math.floor(sorted.length * 0.95)], maxFrameMs: sorted[sorted.length - 1], fixes: sent,
                    drawn: m.renderedForces().length };
                }""", List.of(forces, period, seconds));
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) result;
        double fps = ((Number) r.get("fps")).doubleValue();
        double stillFps = ((Number) r.get("stillFps")).doubleValue();
        return String.format(Locale.ROOT, "map code requested before the map opened: %s; map with %d forces, a fix each every %d s "
                        + "(%s fixes fed in %d s in 250 ms frames): %.1f fps average, worst second %.1f fps, p95 frame %.1f ms, "
                        + "longest frame %.1f ms, %s forces drawn in view (budget >= 30 fps); the same forces standing still "
                        + "just before: %.1f fps; moving / still: %.2f",
                loadedBefore, forces, period, r.get("fixes"), seconds, fps,
                ((Number) r.get("worstSecondFps")).doubleValue(), ((Number) r.get("p95FrameMs")).doubleValue(),
                ((Number) r.get("maxFrameMs")).doubleValue(), r.get("drawn"), stillFps, fps / stillFps);
    }

    /** The installed app (service worker and IndexedDB warm) opened again with the CPU 4x throttled. */
    private static String firstRender(WebStack stack, AppUser lead) {
        PageWaits.until(lead.page, "() => navigator.serviceWorker.ready.then(() => true)", null);
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Page page = lead.context.newPage();
            CDPSession cdp = page.context().newCDPSession(page);
            JsonObject rate = new JsonObject();
            rate.addProperty("rate", 4);
            cdp.send("Emulation.setCPUThrottlingRate", rate);
            page.navigate(stack.url());
            page.waitForFunction("() => performance.getEntriesByName('lagebild-first-render').length > 0");
            times.add(((Number) page.evaluate("() => performance.getEntriesByName('lagebild-first-render')[0].startTime")).doubleValue());
            page.close();
        }
        times.sort(Double::compare);
        return String.format(Locale.ROOT, "first render of the installed app, 4x CPU throttling: median %.0f ms, max %.0f ms (runs %s; budget 1000 ms)",
                times.get(times.size() / 2), times.get(times.size() - 1), times);
    }

    private static String openRoomAndChat(WebStack stack, AppUser lead) throws Exception {
        String token = Tokens.of("lead1");
        String room = post(stack.chatUrl() + "/v1/rooms", token, "{\"clientId\":\"" + UUID.randomUUID() + "\",\"name\":\"Budget " + UUID.randomUUID().toString().substring(0, 4) + "\"}");
        String roomId = room.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        String chat = post(stack.chatUrl() + "/v1/rooms/" + roomId + "/chats", token, "{\"clientId\":\"" + UUID.randomUUID() + "\",\"name\":\"Last\",\"memberIds\":[]}");
        String chatId = chat.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        lead.page.navigate(stack.url() + "#/r/" + roomId + "/c/" + chatId);
        lead.awaitOnline();
        lead.page.locator(".chat-head h2").waitFor();
        return chatId;
    }

    /** 1,000 messages arrive live in the open chat; the tab's JS heap after a GC at every 200. */
    private static String memoryOverLiveMessages(WebStack stack, AppUser lead, String chatId, int messages) throws Exception {
        // The tabs opened for the first-render runs hid this one (and a hidden tab closes its socket).
        lead.page.bringToFront();
        lead.awaitOnline();
        CDPSession cdp = lead.context.newCDPSession(lead.page);
        cdp.send("HeapProfiler.enable");
        String lead1 = Tokens.of("lead1");
        List<String> heap = new ArrayList<>();
        heap.add(heapMb(cdp));
        for (int i = 1; i <= messages; i++) {
            post(stack.chatUrl() + "/v1/chats/" + chatId + "/messages", lead1,
                    "{\"clientId\":\"" + UUID.randomUUID() + "\",\"kind\":\"text\",\"body\":\"Lagemeldung " + i + ": alles ruhig am Nordausgang\"}");
            if (i % 200 == 0) {
                final int expected = i;
                lead.page.waitForFunction("n => [...document.querySelectorAll('.message .body')].some(e => e.textContent === 'Lagemeldung ' + n + ': alles ruhig am Nordausgang')", expected);
                heap.add(heapMb(cdp));
            }
        }
        int rendered = ((Number) lead.page.evaluate("() => document.querySelectorAll('.message').length")).intValue();
        return "JS heap after GC at 0, 200, ..., " + messages + " live messages: " + heap + " MB; messages in the DOM at the end: " + rendered;
    }

    private static String heapMb(CDPSession cdp) {
        cdp.send("HeapProfiler.collectGarbage");
        JsonObject usage = cdp.send("Runtime.getHeapUsage");
        return String.format(Locale.ROOT, "%.1f", usage.get("usedSize").getAsDouble() / (1024 * 1024));
    }

    private static String post(String url, String token, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
