package de.lagebild.load.push;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.load.BenchUsers;
import de.lagebild.load.LatencyReport;
import de.lagebild.load.Scenario;
import de.lagebild.load.ScenarioArgs;
import de.lagebild.load.chat.MessageSender;
import de.lagebild.load.phone.Rest;
import de.lagebild.load.report.BenchRun;
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
 * Alarm pushes to many phones, with and without chat traffic. DEVICES members of ROOMS operation
 * rooms each register a Web Push subscription whose endpoint is a push service on loopback inside
 * this harness ({@link LoopbackPushService}: it checks the VAPID token against the push function's
 * served key, decrypts every payload with the subscription's keys and checks Urgency, TTL, Topic and
 * the room). A further member, a member of every room, raises ALARMS alarms in all of them, GAP
 * seconds apart, each resolved once its push reached every device; each device's push is timed from
 * the raise call to its arrival at the push service. First WARMUP alarms that are not counted, then
 * ALARMS alarms in quiet rooms, then RATE text messages a second in chats of CHAT-SIZE of the members
 * (normal pushes, collapsed per chat), SETTLE seconds of it before another ALARMS alarms. The
 * figures: raise to push at the device, p50 to max, quiet and under the traffic, and the ratio of the
 * two p99; and how long the raise call itself took (the part of the delay that is chat's, not push's).
 * A chat's members share a room and the chats are dealt round the rooms. A room's log takes its
 * appends one after the other (seq order is commit order), so with one room (the default) all RATE
 * messages queue on that room's row; rooms=50 spreads them as 50 operations would.
 * Usage: {@code infra/bench.sh push [devices=1000] [rooms=1] [alarms=20] [warmup=3] [gap=1] [rate=500]
 * [chat-size=20] [settle=10] [chat=URL] [push=URL] [keycloak=URL] [push-service-port=0]
 * [answer-delay=0] [urgent-ttl=120] [normal-ttl=3600]} (ANSWER-DELAY: milliseconds the push service
 * takes to answer each push, a round trip to a browser vendor's service across the internet) against
 * a stack whose push function may post to 127.0.0.1 over http (functions/push/README.md, the
 * benchmark's section).
 */
public final class PushBenchmark implements Scenario {

    private static final long ALARM_TIMEOUT_SECONDS = 10;

    private final Rest rest = new Rest();
    private String chat;
    private String push;
    private int devices;

    @Override
    public void run(String[] args) throws Exception {
        ScenarioArgs options = new ScenarioArgs(args);
        devices = options.integer("devices", 1000);
        int roomCount = options.integer("rooms", 1);
        int alarms = options.integer("alarms", 20);
        int warmup = options.integer("warmup", 3);
        double gap = options.decimal("gap", 1);
        int rate = options.integer("rate", 500);
        int chatSize = options.integer("chat-size", 20);
        int settle = options.integer("settle", 10);
        chat = options.string("chat", "http://127.0.0.1:8081");
        push = options.string("push", "http://127.0.0.1:8085");
        System.out.printf(Locale.ROOT, "push benchmark: %d devices in %d room(s), %d alarms %.1f s apart (after %d not counted),"
                + " quiet and beside %d msg/s in chats of %d, push service answering after %d ms, against %s and %s%n",
                devices, roomCount, alarms, gap, warmup, rate, chatSize, options.integer("answer-delay", 0), chat, push);

        BenchUsers users = new BenchUsers(options.string("keycloak", "http://127.0.0.1:8180"));
        List<String> tokens = users.tokens(devices + 1);
        String raiser = tokens.get(devices);
        String lead = users.token("lead2");
        long setupStarted = System.nanoTime();
        List<String> rooms = new ArrayList<>();
        for (int r = 0; r < roomCount; r++) {
            rooms.add(call("POST", chat + "/v1/rooms", lead, Map.of("clientId", UUID.randomUUID(),
                    "name", "Push benchmark " + r + " " + UUID.randomUUID()), 201).get("id").asText());
        }
        List<String> userIds = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String userId = call("GET", chat + "/v1/me", tokens.get(i), null, 200).get("id").asText();
            userIds.add(userId);
            for (String room : i == devices ? rooms : List.of(roomOf(rooms, i, chatSize))) {
                call("POST", chat + "/v1/rooms/" + room + "/members", lead, Map.of("userId", userId), 201);
            }
        }
        List<String> chatIds = new ArrayList<>();
        for (int from = 0; from + chatSize <= devices; from += chatSize) {
            chatIds.add(call("POST", chat + "/v1/rooms/" + roomOf(rooms, from, chatSize) + "/chats", lead,
                    Map.of("clientId", UUID.randomUUID(), "name", "Abschnitt " + from,
                            "memberIds", userIds.subList(from, from + chatSize)), 201).get("id").asText());
        }
        String vapidKey = call("GET", push + "/v1/push/vapid-public-key", lead, null, 200).get("publicKey").asText();
        AlarmArrivals arrivals = new AlarmArrivals();
        PayloadExpectations expected = new PayloadExpectations(chatIds, options.string("urgent-ttl", "120"),
                options.string("normal-ttl", "3600"));
        try (LoopbackPushService service = new LoopbackPushService(options.integer("push-service-port", 0), vapidKey,
                options.integer("answer-delay", 0))) {
            service.onArrival(arrivals::arrived);
            for (int i = 0; i < devices; i++) {
                removeDevices(tokens.get(i));
                Subscription device = service.subscribe();
                expected.device(device, roomOf(rooms, i, chatSize));
                call("POST", push + "/v1/push/devices/web-push", tokens.get(i), device.json(), 201);
            }
            removeDevices(raiser);
            System.out.printf(Locale.ROOT, "setup done in %.1f s: %d members, %d rooms, %d chats, %d devices registered%n",
                    (System.nanoTime() - setupStarted) / 1e9, tokens.size(), rooms.size(), chatIds.size(), devices);

            Alarms warm = new Alarms(rooms, raiser, arrivals, expected, LatencyReport.consoleOnly("warm-up"),
                    LatencyReport.consoleOnly("warm-up raise"));
            warm.raise(warmup, gap);
            LatencyReport quietReport = new LatencyReport("alarm -> push, quiet");
            LatencyReport quietRaises = new LatencyReport("alarm raise -> 201, quiet");
            Alarms quiet = new Alarms(rooms, raiser, arrivals, expected, quietReport, quietRaises);
            long quietStart = System.nanoTime();
            quiet.raise(alarms, gap);
            double quietSeconds = (System.nanoTime() - quietStart) / 1e9;

            Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
            LatencyReport acknowledged = new LatencyReport("message send -> 201");
            MessageSender sender = new MessageSender(vertx, chat, acknowledged);
            long periodNanos = TimeUnit.SECONDS.toNanos(1) / Math.max(1, rate);
            AtomicLong sent = new AtomicLong();
            long trafficStart = System.nanoTime();
            long ticker = vertx.setPeriodic(1, id -> {
                long due = (System.nanoTime() - trafficStart) / periodNanos + 1;
                for (long n = sent.get(); n < due; n = sent.incrementAndGet()) {
                    int c = (int) (n % chatIds.size());
                    sender.send(chatIds.get(c), tokens.get(c * chatSize + (int) ((n / chatIds.size()) % chatSize)),
                            trafficStart + n * periodNanos);
                }
            });
            Thread.sleep(TimeUnit.SECONDS.toMillis(settle));
            LatencyReport loadedReport = new LatencyReport("alarm -> push, " + rate + " msg/s");
            LatencyReport loadedRaises = new LatencyReport("alarm raise -> 201, " + rate + " msg/s");
            Alarms loaded = new Alarms(rooms, raiser, arrivals, expected, loadedReport, loadedRaises);
            long loadedStart = System.nanoTime();
            loaded.raise(alarms, gap);
            double loadedSeconds = (System.nanoTime() - loadedStart) / 1e9;
            vertx.cancelTimer(ticker);
            double trafficSeconds = (System.nanoTime() - trafficStart) / 1e9;
            // The devices' part, after both series: on this machine it would take the CPU from the pushes being timed.
            service.decryptArrived(expected);

            System.out.println(quietReport.summary(quietSeconds));
            System.out.println(loadedReport.summary(loadedSeconds));
            System.out.println(acknowledged.summary(trafficSeconds));
            System.out.println(quietRaises.summary(quietSeconds));
            System.out.println(loadedRaises.summary(loadedSeconds));
            double ratio = loadedReport.percentileMillis(99) / quietReport.percentileMillis(99);
            System.out.printf(Locale.ROOT, "alarm -> push p99: quiet %.1f ms, with %d msg/s %.1f ms, ratio %.2f%n",
                    quietReport.percentileMillis(99), rate, loadedReport.percentileMillis(99), ratio);
            System.out.printf(Locale.ROOT, "alarm pushes expected=%d arrived=%d missing=%d duplicated=%d"
                    + " alarms not at every device within %d s=%d%n", 2L * alarms * devices,
                    quietReport.count() + loadedReport.count(), quiet.missing() + loaded.missing(), arrivals.duplicates(),
                    ALARM_TIMEOUT_SECONDS, quiet.incomplete() + loaded.incomplete());
            System.out.printf(Locale.ROOT, "messages sent=%d (%.1f/s) errors=%d; normal pushes arrived=%d;"
                    + " pushes refused for their VAPID token=%d; other protocol problems=%d%n", sent.get(),
                    sent.get() / trafficSeconds, sender.errors(), arrivals.normalPushes(), service.refused(),
                    service.problems().size());
            service.problems().stream().limit(10).forEach(problem -> System.out.println("  problem: " + problem));
            BenchRun.figure("alarm -> push p99 ratio (traffic / quiet)", String.format(Locale.ROOT, "%.2f", ratio));
            BenchRun.figure("alarm pushes missing", quiet.missing() + loaded.missing());
            BenchRun.figure("alarm pushes duplicated", arrivals.duplicates());
            BenchRun.figure("protocol problems", service.problems().size());
            // Messages a slow stack has not answered yet are dropped with the client: the figures are printed.
            sender.close();
            vertx.close();
            for (int i = 0; i < devices; i++) {
                removeDevices(tokens.get(i));
            }
        }
    }

    /** Member I's room: the room of the chat the member is in (chat C is in room C mod ROOMS). */
    private static String roomOf(List<String> rooms, int member, int chatSize) {
        return rooms.get(member / chatSize % rooms.size());
    }

    /** Removes the user's devices (an earlier run's, whose push service is gone). */
    private void removeDevices(String token) throws Exception {
        for (JsonNode device : call("GET", push + "/v1/push/devices", token, null, 200)) {
            call("DELETE", push + "/v1/push/devices/" + device.get("id").asText(), token, null, 204);
        }
    }

    private JsonNode call(String method, String url, String token, Object body, int expected) throws Exception {
        return rest.call(method, url, token, body, expected);
    }

    /** One series of alarms, each in every room: raise, wait for the push at every device, record, resolve, pause. */
    private final class Alarms {

        private final List<String> rooms;
        private final String raiser;
        private final AlarmArrivals arrivals;
        private final PayloadExpectations expected;
        private final LatencyReport report;
        private final LatencyReport raises;
        private long missing;
        private long incomplete;

        Alarms(List<String> rooms, String raiser, AlarmArrivals arrivals, PayloadExpectations expected, LatencyReport report,
                LatencyReport raises) {
            this.rooms = rooms;
            this.raiser = raiser;
            this.arrivals = arrivals;
            this.expected = expected;
            this.report = report;
            this.raises = raises;
        }

        void raise(int count, double gap) throws Exception {
            for (int a = 0; a < count; a++) {
                long raised = System.nanoTime();
                JsonNode alarm = call("POST", chat + "/v1/alarms", raiser, Map.of("clientId", UUID.randomUUID(),
                        "kind", "emergency", "roomIds", rooms), 201);
                raises.recordNanos(System.nanoTime() - raised);
                String alarmId = alarm.get("id").asText();
                String topic = alarmId.replace("-", "");
                expected.alarm(topic);
                long deadline = raised + TimeUnit.SECONDS.toNanos(ALARM_TIMEOUT_SECONDS);
                while (arrivals.devicesReached(topic) < devices && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                int reached = arrivals.devicesReached(topic);
                if (reached < devices) {
                    incomplete++;
                    missing += devices - reached;
                }
                arrivals.record(topic, raised, report);
                call("POST", chat + "/v1/alarms/" + alarmId + "/resolve", raiser, null, 200);
                Thread.sleep((long) (gap * 1000));
            }
        }

        long missing() {
            return missing;
        }

        long incomplete() {
            return incomplete;
        }
    }
}
