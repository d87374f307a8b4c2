package de.lagebild.load.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The heap a JVM really holds at one moment: a heap dump of all objects (taken with jcmd, without
 * a GC) is read and only what is reachable from the GC roots is counted.
 *
 * <p>Why not the heap after a full GC: a JVM that decodes images through JNI holds the GC locker so
 * often that G1 turns a requested full GC into a young one, and G1's young collections keep dead
 * old objects; both overstate the live heap by tens of MB. Object sizes are counted as HotSpot lays
 * them out with compressed class pointers: a 16-byte header, fields, 8-byte alignment.
 */
public final class ReachableHeap {

    /** Bytes reachable in total, and the part of it in arrays of at least {@link #LARGE_ARRAY} bytes. */
    public record Snapshot(long reachableBytes, long largeArrayBytes) {
    }

    public static final long LARGE_ARRAY = 1024 * 1024;

    private static final int INSTANCE = 1;
    private static final int OBJECT_ARRAY = 2;
    private static final int PRIMITIVE_ARRAY = 3;

    private final ByteBuffer dump;
    private int idSize;
    private final Map<Long, ClassLayout> classes = new HashMap<>();
    /** Object id to (kind << 56 | offset of its sub-record body). */
    private final Map<Long, Long> objects = new HashMap<>();
    private final List<Long> roots = new ArrayList<>();

    private record ClassLayout(long superId, byte[] fieldTypes) {
    }

    private ReachableHeap(ByteBuffer dump) {
        this.dump = dump;
    }

    /** Dumps the heap of process {@code pid} into {@code file} (deleted afterwards) and measures it. */
    public static Snapshot of(long pid, Path file) throws IOException, InterruptedException {
        Files.deleteIfExists(file);
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "GC.heap_dump", "-all", file.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!jcmd.waitFor(2, TimeUnit.MINUTES) || jcmd.exitValue() != 0 || !Files.exists(file)) {
            throw new IOException("jcmd could not dump the heap of process " + pid);
        }
        try {
            return read(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Measures an HPROF file. */
    public static Snapshot read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new IOException("heap dumps over 2 GB are not supported: " + file);
            }
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            ReachableHeap heap = new ReachableHeap(mapped);
            heap.index();
            return heap.walk();
        }
    }

    private void index() {
        int position = 0;
        while (dump.get(position) != 0) {
            position++;
        }
        idSize = dump.getInt(position + 1);
        position += 1 + 4 + 8;
        while (position < dump.limit()) {
            int tag = dump.get(position) & 0xFF;
            int length = dump.getInt(position + 5);
            int body = position + 9;
            if (tag == 0x0C || tag == 0x1C) {
                indexSegment(body, body + length);
            }
            position = body + length;
        }
    }

    private void indexSegment(int position, int end) {
        while (position < end) {
            int subTag = dump.get(position++) & 0xFF;
            switch (subTag) {
                case 0xFF, 0x05, 0x07 -> position = root(position, 0);
                case 0x01 -> position = root(position, idSize);
                case 0x02, 0x03, 0x08 -> position = root(position, 8);
                case 0x04, 0x06 -> position = root(position, 4);
                case 0x20 -> position = indexClass(position);
                case 0x21 -> {
                    objects.put(id(position), (long) INSTANCE << 56 | position);
                    position += 2 * idSize + 8 + dump.getInt(position + 2 * idSize + 4);
                }
                case 0x22 -> {
                    objects.put(id(position), (long) OBJECT_ARRAY << 56 | position);
                    position += 2 * idSize + 8 + dump.getInt(position + idSize + 4) * idSize;
                }
                case 0x23 -> {
                    objects.put(id(position), (long) PRIMITIVE_ARRAY << 56 | position);
                    int length = dump.getInt(position + idSize + 4);
                    position += idSize + 9 + length * typeSize(dump.get(position + idSize + 8));
                }
                default -> throw new IllegalStateException("unknown heap dump record 0x" + Integer.toHexString(subTag));
            }
        }
    }

    private int root(int position, int extra) {
        roots.add(id(position));
        return position + idSize + extra;
    }

    /** A class's instance layout; its static references count as roots (HotSpot rarely unloads classes). */
    private int indexClass(int position) {
        long classId = id(position);
        long superId = id(position + idSize + 4);
        position += idSize + 4 + 6 * idSize + 4;
        int constants = dump.getShort(position) & 0xFFFF;
        position += 2;
        for (int i = 0; i < constants; i++) {
            position += 3 + typeSize(dump.get(position + 2));
        }
        int statics = dump.getShort(position) & 0xFFFF;
        position += 2;
        for (int i = 0; i < statics; i++) {
            byte type = dump.get(position + idSize);
            if (type == 2) {
                roots.add(id(position + idSize + 1));
            }
            position += idSize + 1 + typeSize(type);
        }
        int fields = dump.getShort(position) & 0xFFFF;
        position += 2;
        byte[] types = new byte[fields];
        for (int i = 0; i < fields; i++) {
            types[i] = dump.get(position + idSize);
            position += idSize + 1;
        }
        classes.put(classId, new ClassLayout(superId, types));
        return position;
    }

    private Snapshot walk() {
        Set<Long> reached = new HashSet<>();
        Deque<Long> pending = new ArrayDeque<>(roots);
        long total = 0;
        long large = 0;
        while (!pending.isEmpty()) {
            long id = pending.pop();
            Long entry = objects.get(id);
            if (entry == null || !reached.add(id)) {
                continue;
            }
            int position = (int) (entry & 0xFFFFFFFFL);
            long size = switch ((int) (entry >>> 56)) {
                case INSTANCE -> instance(position, pending);
                case OBJECT_ARRAY -> objectArray(position, pending);
                default -> primitiveArray(position);
            };
            total += size;
            if (entry >>> 56 != INSTANCE && size >= LARGE_ARRAY) {
                large += size;
            }
        }
        return new Snapshot(total, large);
    }

    private long instance(int position, Deque<Long> pending) {
        int length = dump.getInt(position + 2 * idSize + 4);
        int field = position + 2 * idSize + 8;
        int references = 0;
        for (ClassLayout layout = classes.get(id(position + idSize + 4)); layout != null;
                layout = classes.get(layout.superId())) {
            for (byte type : layout.fieldTypes()) {
                if (type == 2) {
                    pending.push(id(field));
                    references++;
                }
                field += typeSize(type);
            }
        }
        // The dump writes every reference with the id size; in the heap (compressed oops) each has 4 bytes.
        return aligned(16 + length - (long) references * (idSize - 4));
    }

    private long objectArray(int position, Deque<Long> pending) {
        int length = dump.getInt(position + idSize + 4);
        int element = position + 2 * idSize + 8;
        for (int i = 0; i < length; i++, element += idSize) {
            pending.push(id(element));
        }
        return aligned(16 + (long) length * 4);
    }

    private long primitiveArray(int position) {
        int length = dump.getInt(position + idSize + 4);
        return aligned(16 + (long) length * typeSize(dump.get(position + idSize + 8)));
    }

    private long id(int position) {
        return idSize == 8 ? dump.getLong(position) : dump.getInt(position) & 0xFFFFFFFFL;
    }

    private int typeSize(byte type) {
        return switch (type) {
            case 2 -> idSize;
            case 4, 8 -> 1;
            case 5, 9 -> 2;
            case 6, 10 -> 4;
            case 7, 11 -> 8;
            default -> throw new IllegalStateException("unknown heap dump value type " + type);
        };
    }

    private static long aligned(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
