package de.lagebild.web;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
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
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The web client's budgets, measured (a benchmark, not a test: it prints figures and fails only if
 * it cannot measure). Run it alone:
 * {@code ./mvnw verify -Pmigrate -pl functions/web -am -Dit.test=WebBudgetBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false ...}
 */
class WebBudgetBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void measure() throws Exception {
        List<String> report = new ArrayList<>();
        report.add(bundleSize());
        try (WebStack stack = WebStack.start(); Chromium chromium = new Chromium();
                AppUser lead = new AppUser(chromium.browser, "lead1", 1440, 900)) {
            lead.signIn(stack.url());
            String chatId = openRoomAndChat(stack, lead);
            report.add(firstRender(stack, lead));
            report.add(memoryOverLiveMessages(stack, lead, chatId, 1000));
        }
        report.forEach(System.out::println);
        Files.write(Path.of("target", "web-budgets.txt"), report);
    }

    private static String bundleSize() throws Exception {
        Path resources = Path.of("target", "classes", "META-INF", "resources");
        long raw = 0;
        long gzip = 0;
        for (String file : List.of("app.js", "app.css")) {
            byte[] bytes = Files.readAllBytes(resources.resolve(file));
            raw += bytes.length;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
                zip.write(bytes);
            }
            gzip += out.size();
        }
        return String.format(Locale.ROOT, "chat screens (app.js + app.css): %.1f KB, %.1f KB gzip (budget 150 KB gzip)",
                raw / 1024.0, gzip / 1024.0);
    }

    /** The installed app (service worker and IndexedDB warm) opened again with the CPU 4x throttled. */
    private static String firstRender(WebStack stack, AppUser lead) {
        lead.page.waitForFunction("() => navigator.serviceWorker.controller !== null || navigator.serviceWorker.ready");
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
