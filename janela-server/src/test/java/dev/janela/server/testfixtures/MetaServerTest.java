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
 * A {@link JanelaServerTest} whose server runs the {@code meta} connector against the {@link GraphStandIn}. Its
 * send queue is sent only when the test says ({@code MetaDispatcher.dispatchDue()}); Meta's answers time out after
 * half a second; a customer may get 3 messages at once, then one every 6 seconds, and no send waits more than 30
 * seconds in the queue; a send is tried 3 times.
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
    "janela.connector=meta",
    "janela.meta.access-token=" + GraphStandIn.ACCESS_TOKEN,
    "janela.meta.api-version=" + GraphStandIn.API_VERSION,
    "janela.meta.sending.dispatcher=false",
    "janela.meta.sending.timeout=500ms",
    "janela.meta.sending.pair-burst=3",
    "janela.meta.sending.attempts=3",
    "janela.meta.sending.max-queue-wait=30s",
    "janela.webhooks.deliver-in-background=false"})
@ContextConfiguration(initializers = {TestDatabase.Initializer.class, GraphStandIn.Initializer.class})
@Import(TestServer.Configuration.class)
@ExtendWith(TestServer.ResetBeforeEach.class)
public @interface MetaServerTest {
}
