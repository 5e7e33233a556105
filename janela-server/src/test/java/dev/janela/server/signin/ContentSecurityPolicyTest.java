package dev.janela.server.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.FormClient;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import dev.janela.server.testfixtures.Webhooks;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every page is sent with a Content-Security-Policy: Janela's own scripts only, no framing, forms to Janela. */
@JanelaServerTest
class ContentSecurityPolicyTest {
    private static final String PASSWORD = "content security";
    private static final String CUSTOMER = "5521987650501";

    @Autowired
    private TestServer server;

    @ParameterizedTest
    @ValueSource(strings = {"/inbox", "/inbox/{channel}/" + CUSTOMER, "/billing", "/templates", "/rate-cards",
        "/users", "/webhook-subscriptions", "/sandbox?from=" + CUSTOMER, "/no-such-page"})
    void aSignedInPage_isSentWithThePolicy(String path) {
        Api admin = server.anAccount().build();
        admin.webhook(Webhooks.payload(admin.channel(), List.of(Webhooks.text("wamid.csp", CUSTOMER,
                TestServer.START, "Oi")), List.of()));
        String address = "csp." + UUID.randomUUID() + "@example.com";
        admin.addUser(address, "admin", PASSWORD);
        FormClient browser = new FormClient(admin.base());
        assertThat(browser.signIn(address, PASSWORD)).isEqualTo("/");

        Response page = browser.get(path.replace("{channel}", admin.channel()) + (path.contains("?") ? "&" : "?")
                + "channel=" + admin.channel());

        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .contains(SecurityConfiguration.CONTENT_SECURITY_POLICY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sign-in", "/sign-in?failed", "/inbox"})
    void aPageBeforeSigningIn_isSentWithThePolicy(String path) {
        FormClient browser = new FormClient(server.newAccount().base());

        Response page = browser.get(path);

        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .contains(SecurityConfiguration.CONTENT_SECURITY_POLICY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"frame-ancestors 'none'", "form-action 'self'", "script-src 'self';"})
    void thePolicy_forbidsFramingAndForeignFormsAndScripts(String directive) {
        assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY).contains(directive).doesNotContain("unsafe");
    }
}
