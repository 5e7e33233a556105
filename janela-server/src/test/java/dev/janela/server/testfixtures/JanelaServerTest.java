package dev.janela.server.testfixtures;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the whole server on a random port over a real database ({@link TestDatabase}). Every such test shares
 * one server. Before each test the clock is set to {@link TestServer#START} and the connector reports deliveries
 * again; a test makes its own account with {@link TestServer#newAccount()}, so that tests share no data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("database")
@ExtendWith(TestDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "janela.admin-token=" + TestServer.ADMIN_TOKEN,
    "janela.meta.app-secret=" + TestServer.APP_SECRET,
    "janela.meta.verify-token=" + TestServer.VERIFY_TOKEN,
    // Events for the business's receivers are sent only when a test runs a pass of their delivery itself.
    "janela.webhooks.deliver-in-background=false",
    "janela.campaigns.run-in-background=false"})
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@Import(TestServer.Configuration.class)
@ExtendWith(TestServer.ResetBeforeEach.class)
public @interface JanelaServerTest {
}
