package dev.janela.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.refusal.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's error tables are the one list clients read: each code Janela answers with is there, with the HTTP
 * status it comes with, and nothing else is.
 */
class ErrorCodesDocumentedTest {
    private static final Path README = Path.of("..", "README.md");

    @Test
    void everyNativeCode_isListedWithItsStatus() throws IOException {
        Set<String> documented = rows("| `/api` code |").stream().map(row -> row.get(0).replace("`", "") + " "
                + row.get(1)).collect(Collectors.toSet());

        Set<String> answered = Arrays.stream(ApiErrorCode.values())
                .map(code -> code.wireName() + " " + code.status()).collect(Collectors.toSet());

        assertThat(documented).isEqualTo(answered);
    }

    @Test
    void everyCloudApiCode_isListedWithItsStatus() throws IOException {
        Set<String> documented = rows("| Cloud API code |").stream().map(row -> row.get(0) + " " + row.get(1))
                .collect(Collectors.toSet());

        Set<String> answered = Arrays.stream(Reason.values())
                .map(reason -> reason.metaCode() + " " + ErrorTable.cloudStatus(reason)).collect(Collectors.toSet());

        assertThat(documented).isEqualTo(answered);
    }

    @Test
    void everyReason_isAnsweredByTheTable() {
        assertThat(ErrorTable.reasons()).containsExactlyInAnyOrder(Reason.values());
    }

    /** The cells of the rows of the table whose header starts with {@code header}. */
    private static List<List<String>> rows(String header) throws IOException {
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf(lines.stream().filter(line -> line.startsWith(header)).findFirst()
                .orElseThrow(() -> new AssertionError("README.md has no table headed " + header)));
        return lines.subList(start + 2, lines.size()).stream().takeWhile(line -> line.startsWith("|"))
                .map(line -> Arrays.stream(line.substring(1, line.length() - 1).split("\\|"))
                        .map(String::strip).toList())
                .toList();
    }
}
