package dev.janela.core.replay;

import dev.janela.core.ErrorCode;
import dev.janela.core.JanelaException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A traffic log parsed into columns, one slot per line (slot {@code n} is line {@code n + 1}), so that millions of
 * events cost a few primitive arrays rather than millions of objects. Slots of blank and malformed lines hold no
 * event; slots of lines whose id was already seen, in file order, are marked duplicates (R12).
 *
 * <p>Lines are parsed in parallel, in chunks of whole lines; everything after parsing happens in file order.
 */
final class ParsedLog {
    /** The slot holds an event. */
    static final int PRESENT = 1 << 6;
    /** The slot's event has an id seen on an earlier line (R12). */
    static final int DUPLICATE = 1 << 7;
    /** Malformed lines are all counted, but only this many are reported. */
    static final int MAX_REPORTED_PROBLEMS = 1_000;

    /** The most lines one replay holds in memory: about 12 GiB of columns. */
    static final int MAX_LINES = 1 << 28;

    /** Chunks smaller than this cost more in hand-over than they gain in parallelism. */
    static final int MIN_CHUNK_BYTES = 1 << 20;
    private static final int CHUNKS_PER_THREAD = 8;
    /**
     * Lines are read through a window copied from the mapping: plain array reads are far cheaper. A few hundred
     * lines a window; each chunk makes its own, and larger ones were only garbage.
     */
    private static final int WINDOW_BYTES = 1 << 16;
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** The place of an id that is not in the log as it is read: it had escapes or non-ASCII characters. */
    private static final long DECODED = -1;

    final long[] atNanos;
    /** Each line's channel and customer, until conversations are numbered ({@link #releaseParties()}). */
    long[] channel;
    long[] customer;
    final byte[] flags;
    /** The BSUIDs of customers whose number the log does not give. */
    final BsuidNumbers bsuids = new BsuidNumbers();
    /**
     * Where each event's id is in the log, read in place rather than copied: its segment in the high half, its
     * offset in the segment in the low half; {@link #DECODED} for an id that had to be decoded (escapes or
     * non-ASCII characters), which {@link #decodedIds} holds.
     */
    private final long[] idAt;
    private final short[] idLength;
    /** Each id's hash, until duplicates are marked. */
    private long[] idHash;
    private final List<ByteBuffer> segments;
    private final Map<Integer, byte[]> decodedIds = new ConcurrentHashMap<>();
    private long invalid;
    private long duplicates;

    private ParsedLog(int slots, List<ByteBuffer> segments) {
        atNanos = new long[slots];
        channel = new long[slots];
        customer = new long[slots];
        flags = new byte[slots];
        idAt = new long[slots];
        idLength = new short[slots];
        idHash = new long[slots];
        this.segments = segments;
    }

    /** The number of slots, which is the number of lines. */
    int slots() {
        return flags.length;
    }

    /** How many lines were malformed. */
    long invalid() {
        return invalid;
    }

    /** How many events repeated an id seen on an earlier line. */
    long duplicates() {
        return duplicates;
    }

    /**
     * Lets each line's channel and customer go, once conversations are numbered: what later steps do not read,
     * young collections need not copy (16 of the 43 bytes a line).
     */
    void releaseParties() {
        channel = null;
        customer = null;
    }

    /** Whether slot {@code slot} holds an event to rate: present and not a duplicate. */
    boolean isRated(int slot) {
        return (flags[slot] & (PRESENT | DUPLICATE)) == PRESENT;
    }

    /** A reader of events' ids, for one thread. */
    IdReader idReader() {
        return new IdReader();
    }

    /**
     * Reads events' ids through a window copied from the log, since each copy from the mapping costs a call into
     * the JVM's runtime, as much as the copy of a few kilobytes. Events read in time order are mostly read in file
     * order, so most ids are found in the window; an id ahead of it moves the window to it. An id behind it, of a
     * line written before lines that come earlier in time, is read alone, so that the window stays where reading
     * goes on. Used by one thread.
     */
    final class IdReader {
        private static final int WINDOW_BYTES = 1 << 13;
        private final byte[] window = new byte[WINDOW_BYTES];
        private final byte[] single = new byte[EventLineParser.MAX_ID_BYTES];
        private int windowSegment = -1;
        private int windowStart;
        private int windowLength;

        /** The id of the event in {@code slot}. */
        String id(int slot) {
            long at = idAt[slot];
            int length = idLength[slot];
            if (at == DECODED) {
                return new String(decodedIds.get(slot), StandardCharsets.UTF_8);
            }
            int segment = (int) (at >>> Integer.SIZE);
            int offset = (int) at;
            if (segment == windowSegment && offset < windowStart) {
                segments.get(segment).get(offset, single, 0, length);
                return new String(single, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (segment != windowSegment || offset + length > windowStart + windowLength) {
                ByteBuffer bytes = segments.get(segment);
                windowSegment = segment;
                windowStart = offset;
                windowLength = Math.min(WINDOW_BYTES, bytes.limit() - offset);
                bytes.get(offset, window, 0, windowLength);
            }
            // An id read in place is plain ASCII (the parser decodes any other), which Latin-1 reads without the
            // check for bytes beyond ASCII that UTF-8 makes.
            return new String(window, offset - windowStart, length, StandardCharsets.ISO_8859_1);
        }
    }

    /** Reads the id of the event in {@code slot} into {@code scratch}; returns its length. */
    private int idBytes(int slot, byte[] scratch) {
        long at = idAt[slot];
        if (at == DECODED) {
            byte[] decoded = decodedIds.get(slot);
            System.arraycopy(decoded, 0, scratch, 0, decoded.length);
            return decoded.length;
        }
        segments.get((int) (at >>> 32)).get((int) at, scratch, 0, idLength[slot]);
        return idLength[slot];
    }

    /**
     * Parses every line of {@code source}.
     *
     * @param strict whether a malformed line ends the replay
     * @throws JanelaException with {@link ErrorCode#INVALID_EVENT} naming the first malformed line, in strict mode
     */
    static ParsedLog parse(EventSource source, ExecutorService threads, int parallelism, int minChunkBytes,
            boolean strict, ReplayListener listener) {
        List<Chunk> chunks = chunks(source, parallelism, minChunkBytes);
        int[] firstSlots = firstSlots(chunks, threads, source.name());
        ParsedLog log = new ParsedLog(firstSlots[chunks.size()], source.segments());
        AtomicLong bytesDone = new AtomicLong();
        List<Future<ChunkResult>> results = new ArrayList<>();
        for (Chunk chunk : chunks) {
            int firstSlot = firstSlots[chunk.index];
            results.add(threads.submit(() -> log.parse(chunk, firstSlot, strict, bytesDone)));
        }
        List<ChunkResult> parsed = Tasks.await(results, () -> listener.progress(ReplayListener.Stage.READING,
                bytesDone.get(), source.size()));
        log.report(source, parsed, strict, listener);
        log.markDuplicates(threads, parallelism);
        return log;
    }

    // ---- chunks ----

    /** A run of whole lines of segment {@code segment}; {@code index} is its place among all chunks. */
    private record Chunk(ByteBuffer bytes, int segment, int start, int end, int index) {
    }

    /** What parsing one chunk produced besides the slots it filled. */
    private record ChunkResult(long invalid, List<Problem> problems) {
    }

    /** A malformed line. */
    private record Problem(long line, String message) {
    }

    private static List<Chunk> chunks(EventSource source, int parallelism, int minChunkBytes) {
        long target = Math.max(minChunkBytes, source.size() / ((long) parallelism * CHUNKS_PER_THREAD));
        List<Chunk> chunks = new ArrayList<>();
        for (int segment = 0; segment < source.segments().size(); segment++) {
            ByteBuffer bytes = source.segments().get(segment);
            int start = segment == 0 && startsWithByteOrderMark(bytes) ? BYTE_ORDER_MARK.length : 0;
            int limit = bytes.limit();
            while (start < limit) {
                long nominalEnd = Math.min(limit, start + target);
                int end = nominalEnd >= limit ? limit : afterNewline(bytes, (int) nominalEnd - 1, limit);
                chunks.add(new Chunk(bytes, segment, start, end, chunks.size()));
                start = end;
            }
        }
        return chunks;
    }

    /** The position after the first line break at or after {@code from}, or {@code limit}. */
    private static int afterNewline(ByteBuffer bytes, int from, int limit) {
        for (int index = from; index < limit; index++) {
            if (bytes.get(index) == '\n') {
                return index + 1;
            }
        }
        return limit;
    }

    private static boolean startsWithByteOrderMark(ByteBuffer bytes) {
        if (bytes.limit() < BYTE_ORDER_MARK.length) {
            return false;
        }
        for (int i = 0; i < BYTE_ORDER_MARK.length; i++) {
            if (bytes.get(i) != BYTE_ORDER_MARK[i]) {
                return false;
            }
        }
        return true;
    }

    /** The slot of each chunk's first line, and after them the number of lines. */
    private static int[] firstSlots(List<Chunk> chunks, ExecutorService threads, String name) {
        List<Future<Integer>> counts = new ArrayList<>();
        for (Chunk chunk : chunks) {
            counts.add(threads.submit(() -> linesIn(chunk)));
        }
        int[] firstSlots = new int[chunks.size() + 1];
        long lines = 0;
        List<Integer> linesPerChunk = Tasks.await(counts, () -> { });
        for (int chunk = 0; chunk < chunks.size(); chunk++) {
            lines += linesPerChunk.get(chunk);
            if (lines > MAX_LINES) {
                throw new JanelaException(ErrorCode.INVALID_EVENT, name + " has more than " + MAX_LINES
                        + " lines, more than one replay holds; split the log by time");
            }
            firstSlots[chunk + 1] = (int) lines;
        }
        return firstSlots;
    }

    private static int linesIn(Chunk chunk) {
        if (chunk.end == chunk.start) {
            return 0;
        }
        byte[] window = new byte[Math.min(WINDOW_BYTES, chunk.end - chunk.start)];
        int newlines = 0;
        for (int position = chunk.start; position < chunk.end; position += window.length) {
            int length = Math.min(window.length, chunk.end - position);
            chunk.bytes.get(position, window, 0, length);
            newlines += Lines.countNewlines(window, 0, length);
        }
        return newlines + (chunk.bytes.get(chunk.end - 1) == '\n' ? 0 : 1);
    }

    // ---- parsing ----

    private ChunkResult parse(Chunk chunk, int firstSlot, boolean strict, AtomicLong bytesDone) {
        ChunkParser lines = new ChunkParser(firstSlot, strict, chunk.segment);
        byte[] window = new byte[Math.min(WINDOW_BYTES, Math.max(1, chunk.end - chunk.start))];
        int position = chunk.start;
        while (position < chunk.end && !lines.stopped) {
            Tasks.stopIfCancelled();
            int length = Math.min(window.length, chunk.end - position);
            chunk.bytes.get(position, window, 0, length);
            int consumed = lines.parseWholeLines(window, position, length, position + length == chunk.end);
            if (consumed == 0 && position + length < chunk.end) {
                window = new byte[window.length * 2]; // a line longer than the window
            }
            position += consumed;
        }
        bytesDone.addAndGet(chunk.end - chunk.start);
        return lines.result();
    }

    /** Parses the lines of one chunk into their slots; used by one thread. */
    private final class ChunkParser {
        private final EventLineParser parser = new EventLineParser(bsuids);
        private final boolean strict;
        /** The segment's index, in the high half of each id's place. */
        private final long segment;
        private final List<Problem> problems = new ArrayList<>();
        private long invalidLines;
        private int slot;
        private boolean stopped;

        ChunkParser(int firstSlot, boolean strict, int segment) {
            this.strict = strict;
            this.slot = firstSlot;
            this.segment = (long) segment << 32;
        }

        /**
         * Parses the whole lines of {@code window[0, length)}, a copy of the segment from {@code windowStart}; the
         * last one only if {@code endOfChunk}, since otherwise it may go on in the next window.
         *
         * @return how many bytes it consumed
         */
        int parseWholeLines(byte[] window, int windowStart, int length, boolean endOfChunk) {
            int lineStart = 0;
            while (lineStart < length && !stopped) {
                int lineEnd = Lines.indexOfNewline(window, lineStart, length);
                if (lineEnd == length && !endOfChunk) {
                    break;
                }
                line(window, windowStart, lineStart, lineEnd);
                lineStart = Math.min(length, lineEnd + 1);
            }
            return lineStart;
        }

        private void line(byte[] bytes, int windowStart, int start, int end) {
            if (!isBlank(bytes, start, end)) {
                try {
                    parser.parse(bytes, start, end);
                    store(slot, parser, idPlace(windowStart));
                } catch (InvalidEventException e) {
                    invalidLines++;
                    if (problems.size() < MAX_REPORTED_PROBLEMS) {
                        problems.add(new Problem(slot + 1L, e.getMessage()));
                    }
                    stopped = strict;
                }
            }
            slot++;
        }

        /** Where the id just parsed is in the log, or {@link #DECODED} after keeping its decoded bytes aside. */
        private long idPlace(int windowStart) {
            if (parser.idInLine() < 0) {
                decodedIds.put(slot, Arrays.copyOf(parser.idBytes(), parser.idLength()));
                return DECODED;
            }
            return segment | (windowStart + parser.idInLine());
        }

        ChunkResult result() {
            return new ChunkResult(invalidLines, problems);
        }
    }

    private void store(int slot, EventLineParser parser, long idPlace) {
        atNanos[slot] = parser.atNanos();
        channel[slot] = parser.channel();
        customer[slot] = parser.customer();
        flags[slot] = (byte) (parser.flags() | PRESENT);
        idAt[slot] = idPlace;
        idLength[slot] = (short) parser.idLength();
        idHash[slot] = hash(parser.idBytes(), 0, parser.idLength());
    }

    private static boolean isBlank(byte[] bytes, int start, int end) {
        for (int index = start; index < end; index++) {
            byte c = bytes[index];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * A 64-bit hash of {@code bytes[offset, offset + length)}, eight bytes at a time. Ids that hash alike are
     * compared byte by byte, so the hash needs to spread well, not to be collision-proof.
     */
    private static long hash(byte[] bytes, int offset, int length) {
        long hash = length * 0x9E3779B97F4A7C15L;
        int index = offset;
        int end = offset + length;
        for (; index + Long.BYTES <= end; index += Long.BYTES) {
            hash = Long.rotateLeft((hash ^ ByteWords.word(bytes, index)) * 0xff51afd7ed558ccdL, 29);
        }
        long tail = 0;
        for (; index < end; index++) {
            tail = tail << 8 | (bytes[index] & 0xFF);
        }
        return mix(hash ^ tail);
    }

    private void report(EventSource source, List<ChunkResult> parsed, boolean strict, ReplayListener listener) {
        long reported = 0;
        for (ChunkResult result : parsed) {
            invalid += result.invalid;
            for (Problem problem : result.problems) {
                if (strict) {
                    throw new JanelaException(ErrorCode.INVALID_EVENT,
                            source.name() + ":" + problem.line + ": " + problem.message);
                }
                if (reported++ < MAX_REPORTED_PROBLEMS) {
                    listener.invalidLine(problem.line, problem.message);
                }
            }
        }
    }

    /**
     * R12: the first line with an id, in file order, is the event; later lines with the same id are duplicates. Ids
     * are shared out among the threads by hash, so each thread finds the duplicates of its own ids.
     */
    private void markDuplicates(ExecutorService threads, int parallelism) {
        duplicates = Tasks.onAllParts(threads, parallelism, partition -> markDuplicates(partition, parallelism))
                .stream().mapToLong(Long::longValue).sum();
        idHash = null; // read no more: young collections need not copy it
    }

    /** Marks the duplicates among the ids whose hash falls in {@code partition}; returns how many it marked. */
    private long markDuplicates(int partition, int partitions) {
        byte[] first = new byte[EventLineParser.MAX_ID_BYTES];
        byte[] second = new byte[EventLineParser.MAX_ID_BYTES];
        int[] table = new int[tableSize(slots() / partitions + 1)];
        int mask = table.length - 1;
        long found = 0;
        for (int slot = 0; slot < slots(); slot++) {
            long mixed = mix(idHash[slot]);
            if ((flags[slot] & PRESENT) == 0 || Math.floorMod((int) (mixed >>> 40), partitions) != partition) {
                continue;
            }
            int index = (int) (mixed & mask);
            while (true) {
                int other = table[index] - 1;
                if (other < 0) {
                    table[index] = slot + 1;
                    break;
                }
                if (idHash[other] == idHash[slot] && sameId(other, slot, first, second)) {
                    flags[slot] |= (byte) DUPLICATE;
                    found++;
                    break;
                }
                index = (index + 1) & mask;
            }
        }
        return found;
    }

    /** Whether two slots' ids are the same, read into two scratch arrays. */
    private boolean sameId(int first, int second, byte[] firstId, byte[] secondId) {
        return Arrays.equals(firstId, 0, idBytes(first, firstId), secondId, 0, idBytes(second, secondId));
    }

    /** A power of two at least twice {@code entries}, so open addressing stays fast. */
    static int tableSize(int entries) {
        return (int) Long.highestOneBit(Math.max(2, entries) * 2L - 1) * 2;
    }

    /** Spreads a hash's bits so that its low bits index a table well. */
    static long mix(long hash) {
        long mixed = (hash ^ (hash >>> 33)) * 0xff51afd7ed558ccdL;
        return mixed ^ (mixed >>> 33);
    }
}
