package dev.janela.server;

import dev.janela.server.config.JanelaProperties;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/** The Janela service. Started by {@code janela serve}; see {@link JanelaProperties} for its settings. */
@SpringBootApplication
@EnableConfigurationProperties(JanelaProperties.class)
public class JanelaServer {
    /**
     * Starts the service on {@code port} with its embedded database under {@code dataDirectory} (unless
     * {@code JANELA_DB_URL} names another), and returns once it is ready.
     */
    public static ConfigurableApplicationContext start(int port, Path dataDirectory) {
        SpringApplication application = new SpringApplication(JanelaServer.class);
        application.setDefaultProperties(Map.of(
                "server.port", Integer.toString(port),
                "janela.data-dir", dataDirectory.toAbsolutePath().toString()));
        return application.run();
    }

    public static void main(String[] args) {
        SpringApplication.run(JanelaServer.class, args);
    }
}
