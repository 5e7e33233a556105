package dev.janela.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text of the pages exists in English and in Portuguese, and every key a page names exists. */
class MessagesTest {
    private static final Path RESOURCES = Path.of("src/main/resources");
    /** A key written out in a template: {@code #{inbox.title}}, {@code #{composer.cost.charged(...)}}. */
    private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9.]*)[}(]");

    @Test
    void everyBundle_hasTheSameKeys_inBothLanguages() throws IOException {
        for (String bundle : bundles()) {
            Set<String> english = load(bundle + ".properties").stringPropertyNames();
            Set<String> portuguese = load(bundle + "_pt_BR.properties").stringPropertyNames();

            assertThat(portuguese).as(bundle + " in Portuguese").containsExactlyInAnyOrderElementsOf(english);
        }
    }

    @Test
    void noKeyIsWrittenTwice_inOneLanguage() throws IOException {
        for (String language : List.of(".properties", "_pt_BR.properties")) {
            Set<String> seen = new HashSet<>();
            Set<String> twice = new TreeSet<>();
            for (String bundle : bundles()) {
                // Properties keeps the last of two lines, and Spring's messages the first of two bundles, unannounced
                Properties lines = new Properties() {
                    @Override
                    public synchronized Object put(Object key, Object value) {
                        if (!seen.add((String) key)) {
                            twice.add(bundle + language + ": " + key);
                        }
                        return super.put(key, value);
                    }
                };
                try (Reader in = Files.newBufferedReader(RESOURCES.resolve(bundle + language),
                        StandardCharsets.UTF_8)) {
                    lines.load(in);
                }
            }

            assertThat(twice).as("keys written twice").isEmpty();
        }
    }

    @Test
    void everyKeyATemplateNames_exists() throws IOException {
        Set<String> known = new HashSet<>();
        for (String bundle : bundles()) {
            known.addAll(load(bundle + ".properties").stringPropertyNames());
        }
        Set<String> named = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path template : templates.filter(path -> path.toString().endsWith(".html")).toList()) {
                Matcher key = KEY.matcher(Files.readString(template));
                while (key.find()) {
                    named.add(key.group(1));
                }
            }
        }

        assertThat(named).isNotEmpty();
        assertThat(known).as("keys the templates name").containsAll(named);
    }

    /** The bundles the server is configured with: {@code i18n/layout}, {@code i18n/inbox}... */
    private static List<String> bundles() throws IOException {
        Properties settings = new Properties();
        try (InputStream in = Files.newInputStream(RESOURCES.resolve("application.properties"))) {
            settings.load(in);
        }
        return Arrays.stream(settings.getProperty("spring.messages.basename").split(",")).map(String::strip).toList();
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(RESOURCES.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        assertThat(properties).as(file).isNotEmpty();
        return properties;
    }
}
