package dev.janela.server.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The settings each concern is handed, as typed values: the rest of Janela never reads {@link JanelaProperties} or
 * the environment itself.
 */
@Configuration(proxyBeanMethods = false)
class SettingsConfiguration {
    @Bean
    JanelaProperties.Meta meta(JanelaProperties properties) {
        return properties.meta();
    }

    @Bean
    JanelaProperties.Sending sending(JanelaProperties properties) {
        return properties.meta().sending();
    }

    @Bean
    ConnectorKind connectorKind(JanelaProperties properties) {
        return properties.connectorKind();
    }

    @Bean
    FirstStart firstStart(JanelaProperties properties) {
        return new FirstStart(properties.adminTokenIfSet(), properties.adminEmail(),
                properties.adminPasswordIfSet(), properties.demo());
    }
}
