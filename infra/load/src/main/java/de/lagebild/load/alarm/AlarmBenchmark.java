package de.lagebild.load.alarm;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.load.BenchUsers;
import de.lagebild.load.LatencyReport;
import de.lagebild.load.Scenario;
import de.lagebild.load.ScenarioArgs;
import de.lagebild.load.chat.MessageSender;
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
 * Alarm delivery under load: MEMBERS connected members of one operation room, split into chats
 * of CHAT-SIZE members that carry RATE messages a second in total, while ALARMS alarms are raised
 * in the room, GAP seconds apart, each by another member and resolved again after it was
 * delivered. Every `alarm.raised` frame is timed from the moment of the raise call to the frame
 * at each member's socket. Usage: {@code infra/bench.sh alarm [members=500] [chat-size=10]
 * [rate=50] [alarms=20] [gap=2] [chat=URL] [keycloak=URL]} against infra/start.sh.
 */
public final class AlarmBenchmark implements Scenario {

    private final Rest rest = new Rest();
    private String chat;

    @Override
    public void run(String[] args) throws Exception {
        ScenarioArgs options = new ScenarioArgs(args);
        int members = options.integer("members", 500);
        int chatSize = options.integer("chat-size", 10);
        int rate = options.integer("rate", 50);
        int alarms = options.integer("alarms", 20);
        double gap = options.decimal("gap", 2);
        chat = options.string("chat", "http://127.0.0.1:8081");
        System.out.printf(Locale.ROOT, "alarm benchmark: %d members in one room, chats of %d, %d msg/s, %d alarms %.1f s apart"
                + " against %s%n", members, chatSize, rate, alarms, gap, chat);

        BenchUsers users = new BenchUsers(options.string("keycloak", "http://127.0.0.1:8180"));
        List<String> tokens = users.tokens(members);
        String lead = users.token("lead1");
        String room = call("POST", "/v1/rooms", lead,
                Map.of("clientId", UUID.randomUUID(), "name", "Alarm benchmark " + UUID.randomUUID()), 201).get("id").asText();
        List<String> userIds = new ArrayList<>();
        for (String token : tokens) {
            String userId = call("GET", "/v1/me", token, null, 200).get("id").asText();
            userIds.add(userId);
            call("POST", "/v1/rooms/" + room + "/members", lead, Map.of("userId", userId), 201);
        }
        List<String> chatIds = new ArrayList<>();
        for (int from = 0; from + chatSize <= members; from += chatSize) {
            chatIds.add(call("POST", "/v1/rooms/" + room + "/chats", lead, Map.of("clientId", UUID.randomUUID(),
                    "name", "Lage " + from, "memberIds", userIds.subList(from, from + chatSize)), 201).get("id").asText());
        }

        LatencyReport raised = new LatencyReport("raise -> 201");
        LatencyReport delivered = new LatencyReport("raise -> alarm frame at member");
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        AlarmPhones phones = new AlarmPhones(vertx, chat, members, delivered);
        phones.connect(tokens);
        System.out.printf(Locale.ROOT, "setup done: %d sockets connected, %d chats%n", phones.size(), chatIds.size());

        MessageSender sender = new MessageSender(vertx, chat, LatencyReport.consoleOnly("message send -> 201"));
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / Math.max(1, rate);
        AtomicLong sent = new AtomicLong();
        long start = System.nanoTime();
        long ticker = rate <= 0 ? -1 : vertx.setPeriodic(1, id -> {
            long due = (System.nanoTime() - start) / periodNanos + 1;
            for (long n = sent.get(); n < due; n = sent.incrementAndGet()) {
                int c = (int) (n % chatIds.size());
                sender.send(chatIds.get(c), tokens.get(c * chatSize + (int) ((n / chatIds.size()) % chatSize)),
                        start + n * periodNanos);
            }
        });
        Thread.sleep(5_000);

        long errors = 0;
        for (int a = 0; a < alarms; a++) {
            String raiser = tokens.get((a * 37) % members);
            long expected = delivered.count() + members;
            long at = System.nanoTime();
            JsonNode alarm = call("POST", "/v1/alarms", raiser, Map.of("clientId", UUID.randomUUID(), "kind", "custom",
                    "text", AlarmPhones.MARKER + at, "roomIds", List.of(room)), 201);
            raised.recordNanos(System.nanoTime() - at);
            long deadline = at + TimeUnit.SECONDS.toNanos(10);
            while (delivered.count() < expected && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            if (delivered.count() < expected) {
                errors++;
            }
            call("POST", "/v1/alarms/" + alarm.get("id").asText() + "/resolve", raiser, null, 200);
            Thread.sleep((long) (gap * 1000));
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (ticker >= 0) {
            vertx.cancelTimer(ticker);
        }
        System.out.println(raised.summary(elapsed));
        System.out.println(delivered.summary(elapsed));
        System.out.printf(Locale.ROOT, "alarms=%d deliveries expected=%d received=%d alarms not at every member within 10 s=%d"
                + " messages sent=%d message errors=%d%n", alarms, (long) alarms * members, delivered.count(), errors,
                sent.get(), sender.errors());
        sender.close();
        phones.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private JsonNode call(String method, String path, String token, Object body, int expected) throws Exception {
        return rest.call(method, chat + path, token, body, expected);
    }
}
