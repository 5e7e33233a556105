package dev.janela.server.web;

import dev.janela.core.report.InstantText;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/** The API's JSON writes every instant as {@link InstantText} does; Spring Boot adds this module to its mapper. */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {
    @Bean
    JacksonModule apiInstants() {
        return new SimpleModule("api-instants").addSerializer(Instant.class, new StdSerializer<Instant>(Instant.class) {
            @Override
            public void serialize(Instant instant, JsonGenerator json, SerializationContext context) {
                json.writeString(InstantText.of(instant));
            }
        });
    }
}
