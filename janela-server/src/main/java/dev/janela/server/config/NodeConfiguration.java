package dev.janela.server.config;

import dev.janela.server.cluster.Node;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** This process as a node of the cluster: named with the HTTP port it serves, which tells an operator which it is. */
@Configuration(proxyBeanMethods = false)
class NodeConfiguration {
    @Bean
    Node node(JdbcClient jdbc, @Value("${server.port:8080}") int port) {
        return Node.onThisHost(jdbc, port);
    }
}
