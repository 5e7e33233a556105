package dev.janela.server.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.Browser;
import dev.janela.server.testfixtures.GraphStandIn;
import dev.janela.server.testfixtures.MetaServerTest;
import dev.janela.server.testfixtures.TestServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** With Meta's connector, the Templates page submits to Meta instead of approving, and shows Meta's new category. */
@MetaServerTest
@Tag("browser")
@ExtendWith(Browser.class)
class MetaTemplatePagesTest {
    private static final String PASSWORD = "templates password";

    @Autowired
    TestServer server;

    @Test
    void aTemplateIsSubmittedToMeta_andACategoryMetaChangedIsShown(Browser browser) {
        Api api = server.newAccount();
        Api.expect(api.put("/api/whatsapp-business-account", Map.of("waba_id", api.wabaId())), 200);
        Api.expect(api.post("/api/templates", Map.of("name", "order_update", "language", "en_US", "category",
                "utility", "body", "Your order has shipped.")), 201);
        String admin = "admin." + UUID.randomUUID() + "@example.com";
        api.addUser(admin, "admin", PASSWORD);
        GraphStandIn.get().recategorizeAs("MARKETING");

        browser.signIn(admin, PASSWORD).open("/templates");
        WebElement row = browser.find(By.cssSelector("tr[data-template=order_update]"));
        assertThat(row.findElements(By.cssSelector("form[action$='/approve']"))).isEmpty();
        row.findElement(By.cssSelector("form[action$='/submit'] button")).click();

        WebElement submitted = browser.waitForText(By.cssSelector("tr[data-template=order_update]"),
                "Meta changed it from utility");
        assertThat(submitted.getText()).contains("marketing");
        assertThat(submitted.findElements(By.cssSelector("form[action$='/submit']"))).as("submitted once")
                .isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
