package dev.janela.server.ui;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;

/**
 * A controller of web pages rather than of the API: it renders HTML, gets the layout's model, and has its errors shown
 * as a page. Its handlers declare their roles with {@link dev.janela.server.web.Allowed}, as the API's do.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface WebPages {
}
