package de.lagebild.load.media;

import de.lagebild.load.BenchUsers;
import de.lagebild.load.LatencyReport;
import de.lagebild.load.Scenario;
import de.lagebild.load.ScenarioArgs;
import de.lagebild.load.phone.OperationRoom;
import de.lagebild.load.phone.Rest;
import de.lagebild.load.phone.TokenPool;
import de.lagebild.load.report.ProcCpu;
import de.lagebild.load.report.PrometheusText;
import de.lagebild.load.report.ReachableHeap;
import de.lagebild.load.report.RunDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Photo uploads with thumbnails against the running media function: a phone-sized JPEG of about
 * 10 MB (4032 x 3024), first one upload at a time, then N at once. Prints latency percentiles and
 * CPU per upload per phase, the peak heap in use (sampled from /q/metrics every 50 ms; mostly garbage
 * not yet collected), and then the heap the uploads really hold: reachable objects in heap dumps of
 * the function taken while one and then N clients upload (see {@link ReachableHeap}). The room and
 * chat are opened through the chat function's API, as a lead would.
 *
 * <p>Arguments (all optional): {@code --base http://127.0.0.1:8084 --concurrency 10 --uploads 60
 * --size-mb 10 --user officer1 --chat http://127.0.0.1:8081 --keycloak http://127.0.0.1:8180
 * --body raw|multipart --heap-dumps 5}. Heap dumps need the function's pid file (media.pid in the
 * run directory, see {@link RunDirectory}) and jcmd; 0 skips them.
 */
public class MediaBenchmark implements Scenario {

    private static final HttpClient HTTP = HttpClient.newBuilder().build();

    private String base = "http://127.0.0.1:8084";
    private int concurrency = 10;
    private int uploads = 60;
    private double sizeMb = 10;
    private String chat = "http://127.0.0.1:8081";
    private String keycloak = "http://127.0.0.1:8180";
    private String user = "officer1";
    private boolean multipart;
    private int heapDumps = 5;

    @Override
    public void run(String[] args) throws Exception {
        parse(args);
        BenchUsers users = new BenchUsers(keycloak);
        String token = users.token(user);
        UUID chatId = createChat(users.token("lead1"), token);
        byte[] photo = phonePhoto((long) (sizeMb * 1024 * 1024));
        System.out.printf(Locale.ROOT, "media: %d byte JPEG (4032 x 3024), %s body, into chat %s at %s%n", photo.length,
                multipart ? "multipart" : "raw", chatId, base);

        runPhase("warm-up", 1, 3, chatId, photo, token);
        runPhase("upload c=1", 1, Math.max(5, uploads / 6), chatId, photo, token);
        runPhase("upload c=" + concurrency, concurrency, uploads, chatId, photo, token);

        if (heapDumps > 0) {
            measureReachableHeap(chatId, photo, token);
        }
    }

    /**
     * Uploads go on at c=1 and then at c=N while heap dumps of the function are taken; the heap an
     * upload really holds is what is reachable in them (peak sampling and the heap after G1's
     * collections mostly count garbage). Large arrays (at least 1 MB) are the decoded pixels, bounded
     * by the function's decode permits; the rest is what each upload holds while it streams.
     */
    private void measureReachableHeap(UUID chatId, byte[] photo, String token) throws Exception {
        long pid = RunDirectory.pid("media");
        if (pid < 0) {
            System.out.println("reachable heap: not measured, no media.pid in " + RunDirectory.path()
                    + " (start the stack with infra/start.sh)");
            return;
        }
        HeapPhase single = heapPhase(pid, 1, chatId, photo, token);
        HeapPhase parallel = heapPhase(pid, concurrency, chatId, photo, token);
        int extra = Math.max(1, concurrency - 1);
        System.out.printf(Locale.ROOT, "reachable heap (%d heap dumps per phase, garbage excluded): max c=1 %.1f MB,"
                        + " max c=%d %.1f MB; growth per additional concurrent upload %.2f MB%n", heapDumps,
                mb(single.reachable()), concurrency, mb(parallel.reachable()),
                mb(parallel.reachable() - single.reachable()) / extra);
        System.out.printf(Locale.ROOT, "  of it decoded pixels (arrays of 1 MB or more): c=1 %.1f MB, c=%d %.1f MB;"
                        + " the rest per additional concurrent upload %.2f MB%n", mb(single.pixels()), concurrency,
                mb(parallel.pixels()), mb((parallel.reachable() - parallel.pixels())
                        - (single.reachable() - single.pixels())) / extra);
    }

    /** The largest reachable heap (and the decoded pixels in that dump) while {@code threads} clients upload. */
    private record HeapPhase(long reachable, long pixels) {
    }

    private HeapPhase heapPhase(long pid, int threads, UUID chatId, byte[] photo, String token) throws Exception {
        AtomicBoolean uploading = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            clients.add(pool.submit(() -> {
                while (uploading.get()) {
                    upload(chatId, photo, token);
                }
                return null;
            }));
        }
        HeapPhase largest = new HeapPhase(0, 0);
        try {
            Thread.sleep(2000);
            Path dump = Path.of(System.getProperty("java.io.tmpdir"), "lagebild-media-" + pid + ".hprof");
            for (int i = 0; i < heapDumps; i++) {
                ReachableHeap.Snapshot snapshot = ReachableHeap.of(pid, dump);
                if (snapshot.reachableBytes() > largest.reachable()) {
                    largest = new HeapPhase(snapshot.reachableBytes(), snapshot.largeArrayBytes());
                }
                Thread.sleep(500);
            }
        } finally {
            uploading.set(false);
            for (Future<?> client : clients) {
                client.get();
            }
            pool.shutdown();
        }
        return largest;
    }

    /** CPU consumed so far: the media function's (from its metrics) and the whole machine's busy time. */
    private record CpuClock(double mediaNanos, long machineMillis) {

        CpuClock since(CpuClock start) {
            return new CpuClock(mediaNanos - start.mediaNanos, machineMillis - start.machineMillis);
        }
    }

    private void runPhase(String name, int threads, int count, UUID chatId, byte[] photo, String token)
            throws Exception {
        AtomicLong peak = new AtomicLong(heapUsed());
        AtomicInteger failures = new AtomicInteger();
        LatencyReport report = new LatencyReport(name);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    peak.accumulateAndGet(heapUsed(), Math::max);
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException e) {
                    return;
                }
            }
        });
        sampler.start();
        CpuClock cpuAtStart = cpu();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger remaining = new AtomicInteger(count);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (remaining.getAndDecrement() > 0) {
                    long begin = System.nanoTime();
                    int status = upload(chatId, photo, token);
                    report.recordNanos(System.nanoTime() - begin);
                    if (status != 201) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        CpuClock used = cpu().since(cpuAtStart);
        pool.shutdown();
        sampler.interrupt();
        sampler.join();
        System.out.println(report.summary(seconds) + " failures=" + failures.get()
                + String.format(Locale.ROOT, " peakHeap=%.1f MB", mb(peak.get())));
        System.out.printf(Locale.ROOT, "  CPU per upload: media function %.0f ms, whole machine %.0f ms (S3 server,"
                        + " database, this client and anything else running included); %d cores%n",
                used.mediaNanos() / 1e6 / count, (double) used.machineMillis() / count,
                Runtime.getRuntime().availableProcessors());
    }

    private int upload(UUID chatId, byte[] photo, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder().header("Authorization", "Bearer " + token);
        if (multipart) {
            String boundary = "lagebild" + UUID.randomUUID().toString().replace("-", "");
            request.uri(URI.create(base + "/v1/chats/" + chatId + "/attachments"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArrays(multipartBody(boundary, photo)));
        } else {
            request.uri(URI.create(base + "/v1/chats/" + chatId + "/attachments?clientId=" + UUID.randomUUID()
                            + "&fileName=bench.jpg"))
                    .header("Content-Type", "image/jpeg")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(photo));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static List<byte[]> multipartBody(String boundary, byte[] photo) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"clientId\"\r\n\r\n"
                + UUID.randomUUID() + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\";"
                + " filename=\"bench.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        return List.of(head.getBytes(StandardCharsets.US_ASCII), photo, tail.getBytes(StandardCharsets.US_ASCII));
    }

    /** A 12 MP photo whose detail (noise over a gradient) is tuned until the JPEG is about the wanted size. */
    static byte[] phonePhoto(long targetBytes) throws IOException {
        int low = 0;
        int high = 128;
        byte[] best = encode(render(high));
        for (int step = 0; step < 5; step++) {
            int amplitude = (low + high) / 2;
            byte[] candidate = encode(render(amplitude));
            if (candidate.length >= targetBytes) {
                best = candidate;
                high = amplitude;
            } else {
                low = amplitude;
            }
        }
        return best;
    }

    private static BufferedImage render(int noise) {
        int width = 4032;
        int height = 3024;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = clamp(x * 255 / width + random.nextInt(2 * noise + 1) - noise);
                int g = clamp(y * 255 / height + random.nextInt(2 * noise + 1) - noise);
                int b = clamp(128 + random.nextInt(2 * noise + 1) - noise);
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static byte[] encode(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private CpuClock cpu() throws IOException {
        return new CpuClock(metrics().sum("process_cpu_time_ns_total"), ProcCpu.machine().busy() * ProcCpu.TICK_MILLIS);
    }

    private PrometheusText metrics() throws IOException {
        try {
            return PrometheusText.scrape(HTTP, base);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** The heap in use of the media function (all heap pools). */
    private long heapUsed() throws IOException {
        return (long) metrics().sum("jvm_memory_used_bytes", "area=\"heap\"");
    }

    /** A room and a chat with the user as a member, made through the chat API (a lead opens rooms). */
    private UUID createChat(String leadToken, String token) throws Exception {
        OperationRoom room = OperationRoom.open(new Rest(), chat, leadToken, TokenPool.of(List.of(token)), 1);
        return UUID.fromString(room.chatIds().get(0));
    }

    private void parse(String[] argv) {
        ScenarioArgs args = new ScenarioArgs(argv);
        base = args.string("base", base);
        concurrency = args.integer("concurrency", concurrency);
        uploads = args.integer("uploads", uploads);
        sizeMb = args.decimal("size-mb", sizeMb);
        user = args.string("user", user);
        chat = args.string("chat", chat);
        keycloak = args.string("keycloak", keycloak);
        multipart = "multipart".equals(args.string("body", "raw"));
        heapDumps = args.integer("heap-dumps", heapDumps);
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
