package dev.janela.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Reads the files the user names, turning every way that can fail into one line the user can act on. */
final class Inputs {
    /** Memory-mapped segments stay well under the 2 GiB a buffer can hold. */
    private static final long SEGMENT_BYTES = 1L << 30;
    /** How far back from a segment's nominal end a line break is looked for. */
    private static final int LOOKBACK = 1 << 20;

    private Inputs() {
    }

    /** The text of a small UTF-8 file. */
    static String text(Path file) {
        byte[] bytes = bytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UsageException(file + " is not UTF-8 text");
        }
    }

    /**
     * The bytes of a traffic log, mapped into memory in segments of whole lines; {@code -} reads standard input.
     */
    static List<ByteBuffer> log(Path file, InputStream standardInput) {
        if (file.toString().equals("-")) {
            try {
                return List.of(ByteBuffer.wrap(standardInput.readAllBytes()));
            } catch (IOException e) {
                throw new UsageException("cannot read standard input: " + e.getMessage(), e);
            }
        }
        requireReadableFile(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return segments(file, channel);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    private static List<ByteBuffer> segments(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        List<ByteBuffer> segments = new ArrayList<>();
        long start = 0;
        while (start < size) {
            long end = Math.min(size, start + SEGMENT_BYTES);
            if (end < size) {
                end = afterLastNewline(channel, file, start, end);
            }
            segments.add(channel.map(FileChannel.MapMode.READ_ONLY, start, end - start));
            start = end;
        }
        return segments;
    }

    /** The position just after the last line break before {@code end}, so segments hold whole lines. */
    private static long afterLastNewline(FileChannel channel, Path file, long start, long end) throws IOException {
        ByteBuffer tail = channel.map(FileChannel.MapMode.READ_ONLY, end - LOOKBACK, LOOKBACK);
        for (int index = LOOKBACK - 1; index >= 0; index--) {
            if (tail.get(index) == '\n') {
                return end - LOOKBACK + index + 1;
            }
        }
        throw new UsageException(file + " has a line longer than " + LOOKBACK + " bytes near byte " + start
                + "; is it a JSON Lines file?");
    }

    private static byte[] bytes(Path file) {
        requireReadableFile(file);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    private static void requireReadableFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new UsageException(file + " is a directory, not a file");
        }
    }

    private static UsageException cannotRead(Path file, IOException e) {
        String reason = e instanceof NoSuchFileException ? "no such file"
                : e instanceof AccessDeniedException ? "permission denied"
                : e.getMessage();
        return new UsageException("cannot read " + file + ": " + reason, e);
    }
}
