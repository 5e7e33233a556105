package dev.janela.server.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** A bean that exists only with the sandbox's connector, the default ({@code JANELA_CONNECTOR=sandbox}). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "janela.connector", havingValue = "sandbox", matchIfMissing = true)
public @interface WithSandboxConnector {
}
