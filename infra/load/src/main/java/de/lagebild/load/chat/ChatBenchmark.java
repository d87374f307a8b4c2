package de.lagebild.load.chat;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.load.BenchUsers;
import de.lagebild.load.DueWindows;
import de.lagebild.load.LatencyReport;
import de.lagebild.load.Scenario;
import de.lagebild.load.ScenarioArgs;
import de.lagebild.load.phone.Rest;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chat delivery under load: CHATS chats of MEMBERS connected members each, spread over
 * ROOMS operation rooms, messages at RATE per second in total for SECONDS, every delivery timed
 * from the moment the send was due to the frame at each member's socket. Usage:
 * {@code infra/bench.sh chat [chats=50] [members=20] [rooms=50] [rate=500] [seconds=60] [chat=URL] [keycloak=URL]} against infra/start.sh;
 * {@code rates=250,500,...} runs one phase per rate on the same rooms and sockets, 5 s apart. Each phase prints its
 * delivery percentiles in all and per 10 s window of the messages' due time, from the phase's start.
 * A room's log is appended under its row lock (seq order is commit order), so one room takes
 * messages one after the other: rooms=1 measures that ceiling.
 */
public final class ChatBenchmark implements Scenario {

    private final Rest rest = new Rest();
    private String chat;

    @Override
    public void run(String[] args) throws Exception {
        ScenarioArgs options = new ScenarioArgs(args);
        int chats = options.integer("chats", 50);
        int members = options.integer("members", 20);
        int rooms = options.integer("rooms", chats);
        List<String> rates = options.list("rates", options.string("rate", "500"));
        int seconds = options.integer("seconds", 60);
        chat = options.string("chat", "http://127.0.0.1:8081");
        System.out.printf(Locale.ROOT, "chat benchmark: %d chats x %d members in %d rooms, %s msg/s for %d s against %s%n",
                chats, members, rooms, String.join(" then ", rates), seconds, chat);

        BenchUsers users = new BenchUsers(options.string("keycloak", "http://127.0.0.1:8180"));
        List<String> tokens = users.tokens(chats * members);
        String lead = users.token("lead1");
        List<String> userIds = new ArrayList<>();
        for (String token : tokens) {
            userIds.add(call("GET", "/v1/me", token, null, 200).get("id").asText());
        }
        List<String> roomIds = new ArrayList<>();
        for (int r = 0; r < rooms; r++) {
            roomIds.add(call("POST", "/v1/rooms", lead,
                    Map.of("clientId", UUID.randomUUID(), "name", "Benchmark " + UUID.randomUUID()), 201).get("id").asText());
        }
        List<String> chatIds = new ArrayList<>();
        for (int c = 0; c < chats; c++) {
            String room = roomIds.get(c % rooms);
            List<String> memberIds = userIds.subList(c * members, (c + 1) * members);
            for (String userId : memberIds) {
                call("POST", "/v1/rooms/" + room + "/members", lead, Map.of("userId", userId), 201);
            }
            chatIds.add(call("POST", "/v1/rooms/" + room + "/chats", lead,
                    Map.of("clientId", UUID.randomUUID(), "name", "Lage " + c, "memberIds", memberIds), 201)
                    .get("id").asText());
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        MemberPhones phones = new MemberPhones(vertx, chat, tokens.size());
        phones.connect(tokens);
        System.out.printf(Locale.ROOT, "setup done: %d sockets connected%n", phones.size());

        for (int phase = 0; phase < rates.size(); phase++) {
            if (phase > 0) {
                Thread.sleep(5_000);
            }
            int phaseRate = Integer.parseInt(rates.get(phase).strip());
            System.out.printf(Locale.ROOT, "phase %d: %d msg/s for %d s%n", phase + 1, phaseRate, seconds);
            send(vertx, phones, chatIds, tokens, members, phaseRate, seconds);
        }
        phones.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** One phase: messages at {@code rate} for {@code seconds}, then up to 15 s for the last deliveries. */
    private void send(Vertx vertx, MemberPhones phones, List<String> chatIds, List<String> tokens, int members,
            int rate, int seconds) throws Exception {
        String label = " @" + rate + "/s";
        LatencyReport acknowledged = new LatencyReport("send -> 201 (ack)" + label);
        LatencyReport delivered = new LatencyReport("send -> frame at member" + label);
        long duplicatesBefore = phones.duplicates();
        long start = System.nanoTime();
        DueWindows windows = new DueWindows("  frame at member", start, 10, seconds);
        phones.measureInto(delivered, windows);
        MessageSender sender = new MessageSender(vertx, chat, acknowledged);
        int chats = chatIds.size();
        long total = (long) rate * seconds;
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        AtomicLong sent = new AtomicLong();
        long ticker = vertx.setPeriodic(1, id -> {
            long due = Math.min(total, (System.nanoTime() - start) / periodNanos + 1);
            for (long n = sent.get(); n < due; n = sent.incrementAndGet()) {
                int chat = (int) (n % chats);
                sender.send(chatIds.get(chat), tokens.get(chat * members + (int) ((n / chats) % members)),
                        start + n * periodNanos);
            }
        });
        while (sent.get() < total) {
            Thread.sleep(100);
        }
        vertx.cancelTimer(ticker);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long expected = total * members;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (delivered.count() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        System.out.println(acknowledged.summary(elapsed));
        System.out.println(delivered.summary(elapsed));
        System.out.print(windows.lines());
        System.out.printf(Locale.ROOT, "sent=%d acknowledged=%d errors=%d deliveries expected=%d received=%d missing=%d duplicates=%d%n",
                total, acknowledged.count(), sender.errors(), expected, delivered.count(),
                expected - delivered.count(), phones.duplicates() - duplicatesBefore);
        sender.close();
    }

    private JsonNode call(String method, String path, String token, Object body, int expected) throws Exception {
        return rest.call(method, chat + path, token, body, expected);
    }
}
