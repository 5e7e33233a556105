package dev.janela.server.web;

import dev.janela.server.access.Role;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an endpoint. Every endpoint of the API says it; one that does not is refused to all, so a
 * forgotten annotation closes an endpoint rather than opening it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Allowed {
    Role[] value();
}
