package dev.janela.core.replay;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * A traffic log's bytes, as the caller read or mapped them: one or more segments, each holding whole lines (only
 * the last may end without a line break). Large files come as several memory-mapped segments, since one buffer holds
 * at most 2 GiB. The replay reads the buffers without changing their positions.
 *
 * @param name the log's name as the user gave it, for messages
 * @param segments the log's bytes, in order
 */
public record EventSource(String name, List<ByteBuffer> segments) {
    public EventSource {
        Objects.requireNonNull(name, "name");
        segments = List.copyOf(segments);
    }

    /** A log held in memory. */
    public static EventSource of(String name, byte[] content) {
        return new EventSource(name, List.of(ByteBuffer.wrap(content)));
    }

    /** The log's size in bytes. */
    public long size() {
        return segments.stream().mapToLong(ByteBuffer::limit).sum();
    }
}
