package dev.janela.server.testfixtures;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * A {@link JanelaServerTest} whose server runs the {@code meta} connector against the {@link GraphStandIn}. Its
 * send queue is sent only when the test says ({@code MetaDispatcher.dispatchDue()}); Meta's answers time out after
 * half a second; a customer may get 3 messages at once, then one every 6 seconds, and no send waits more than 30
 * seconds in the queue; a send is tried 3 times. A channel is paced at its throughput exactly, without the margin for
 * requests slowed on their way, which the pacing's own property test covers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@JanelaServerTest
@TestPropertySource(properties = {
    "janela.connector=meta",
    "janela.meta.access-token=" + GraphStandIn.ACCESS_TOKEN,
    "janela.meta.api-version=" + GraphStandIn.API_VERSION,
    "janela.meta.sending.dispatcher=false",
    "janela.meta.sending.timeout=500ms",
    "janela.meta.sending.pair-burst=3",
    "janela.meta.sending.attempts=3",
    "janela.meta.sending.max-queue-wait=30s",
    "janela.meta.sending.throughput-margin=0s"})
@ContextConfiguration(initializers = {TestDatabase.Initializer.class, GraphStandIn.Initializer.class})
public @interface MetaServerTest {
}
