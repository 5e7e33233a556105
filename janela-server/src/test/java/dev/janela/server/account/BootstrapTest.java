package dev.janela.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.JanelaServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A first start makes an admin token and the webhook secrets and prints them once; a second start over the same
 * data prints none of them, and the token still works.
 */
class BootstrapTest {
    private static final Pattern TOKEN = Pattern.compile("JANELA_TOKEN=(jnl_[A-Za-z0-9_-]{43})");

    @Test
    void secretsArePrintedOnTheFirstStartOnly(@TempDir Path data) throws Exception {
        String first;
        try (Started started = start(data)) {
            first = started.printed;
        }
        Matcher token = TOKEN.matcher(first);
        assertThat(token.find()).as("the first start printed:%n%s", first).isTrue();
        assertThat(first).contains("JANELA_META_APP_SECRET=").contains("JANELA_META_VERIFY_TOKEN=");

        try (Started again = start(data)) {
            assertThat(again.printed).doesNotContain("JANELA_TOKEN=").doesNotContain("JANELA_META");
            assertThat(again.get("/api/channels", token.group(1)).statusCode()).isEqualTo(200);
        }
    }

    /** A server started on a free port, with what it printed while starting. */
    private record Started(ConfigurableApplicationContext context, String printed) implements AutoCloseable {
        HttpResponse<String> get(String path, String token) throws Exception {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + path)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() {
            context.close();
        }
    }

    private static Started start(Path data) {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            return new Started(JanelaServer.start(0, data), printed.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
