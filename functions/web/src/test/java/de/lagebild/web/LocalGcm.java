package de.lagebild.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The part of Chromium's push service that a subscription needs, on loopback: Chromium subscribes
 * through Google's GCM (a device check-in, then a registration that returns the token its endpoint
 * {@code https://jmt17.google.com/fcm/send/TOKEN} ends in, {@code fcm.googleapis.com} in Google Chrome), and its switches
 * {@code --gcm-checkin-url} and {@code --gcm-registration-url} point it here instead. The check-in
 * answers a protobuf {@code AndroidCheckinResponse} with a device id and security token; a registration
 * answers {@code token=...} and is kept with its form fields ({@code sender} is the subscription's
 * application server key); a deletion answers {@code deleted=...}. Delivery to the browser (GCM's MCS
 * connection) is not here: the tests deliver pushes through the DevTools protocol.
 */
final class LocalGcm implements AutoCloseable {

    private final HttpServer server;
    private final List<Map<String, String>> registrations = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokens = new AtomicInteger();

    LocalGcm() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/checkin", this::checkIn);
        server.createContext("/register", this::register);
        server.start();
    }

    /** The browser's switches that send its check-in and registrations here. */
    List<String> chromiumArgs() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return List.of("--gcm-checkin-url=" + base + "/checkin", "--gcm-registration-url=" + base + "/register");
    }

    /**
     * The form fields of each registration so far for this sender: a push subscription's is its
     * application server key (Chromium registers for its own purposes too, under other senders).
     */
    List<Map<String, String>> registrationsFor(String sender) {
        return registrations.stream().filter(form -> sender.equals(form.get("sender"))).toList();
    }

    private void checkIn(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            response.write(new byte[] {0x08, 0x01});           // stats_ok = true
            response.write(0x18);                               // time_msec
            varint(response, System.currentTimeMillis());
            response.write(0x39);                               // android_id (fixed64)
            fixed64(response, 0x4c616765L);
            response.write(0x41);                               // security_token (fixed64)
            fixed64(response, 0x62696c64L);
            response.write(new byte[] {0x48, 0x00});           // settings_diff = false: no settings
            byte[] body = response.toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private void register(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String answer;
            if ("true".equals(form.get("delete"))) {
                answer = "deleted=" + form.getOrDefault("app", "") + "\ntoken=" + form.getOrDefault("X-subtype", "");
            } else {
                registrations.add(form);
                answer = "token=local-gcm-" + tokens.incrementAndGet();
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return fields;
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    private static void fixed64(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
