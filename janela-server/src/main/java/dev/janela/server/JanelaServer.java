package dev.janela.server;

import dev.janela.server.config.CampaignSettings;
import dev.janela.server.config.DeliverySettings;
import dev.janela.server.config.JanelaProperties;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/** The Janela service. Started by {@code janela serve}; see {@link JanelaProperties} for its settings. */
@SpringBootApplication
@EnableConfigurationProperties({JanelaProperties.class, DeliverySettings.class, CampaignSettings.class})
public class JanelaServer {
    /**
     * Starts the service on {@code port} with its embedded database under {@code dataDirectory} (unless
     * {@code JANELA_DB_URL} names another), and returns once it is ready.
     */
    public static ConfigurableApplicationContext start(int port, Path dataDirectory) {
        return start(port, dataDirectory, false);
    }

    /** Starts the service as {@link #start(int, Path)} does, with the demo data if {@code demo}. */
    public static ConfigurableApplicationContext start(int port, Path dataDirectory, boolean demo) {
        // As command-line properties: the user's options outrank every other source of settings.
        return new SpringApplication(JanelaServer.class).run("--server.port=" + port,
                "--janela.data-dir=" + dataDirectory.toAbsolutePath(), "--janela.demo=" + demo);
    }

    /** Starts the service as {@link #start} does and returns only once it has shut down (Ctrl-C). */
    public static void runUntilStopped(int port, Path dataDirectory, boolean demo) throws InterruptedException {
        ConfigurableApplicationContext context = start(port, dataDirectory, demo);
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        if (context.isActive()) {
            closed.await();
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(JanelaServer.class, args);
    }
}
