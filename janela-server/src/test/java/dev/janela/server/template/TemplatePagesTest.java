package dev.janela.server.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.Browser;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Templates in the browser: written against Meta's rules as they are typed, then reviewed. */
@JanelaServerTest
@Tag("browser")
@ExtendWith(Browser.class)
class TemplatePagesTest {
    private static final String PASSWORD = "templates password";

    @Autowired
    TestServer server;

    private Api api;
    private String admin;

    @BeforeEach
    void anAdmin() {
        api = server.newAccount();
        admin = "admin." + UUID.randomUUID() + "@example.com";
        api.addUser(admin, "admin", PASSWORD);
    }

    @Test
    void meta_sRules_areCheckedWhileTyping_andATemplateIsSubmittedThenApproved(Browser browser) {
        browser.signIn(admin, PASSWORD).open("/templates");

        browser.find(By.name("name")).sendKeys("Order Update");
        browser.find(By.name("body")).sendKeys("{{1}} your order shipped");
        assertThat(browser.waitForText(By.cssSelector("#template-check .problems"), "name:").getText())
                .contains("body:");
        browser.find(By.name("name")).clear();
        browser.find(By.name("name")).sendKeys("order_update");
        browser.find(By.name("body")).clear();
        browser.find(By.name("body")).sendKeys("Hello {{1}}, your order shipped.");
        browser.waitForText(By.cssSelector("#template-check .notice.ok"), "Meets Meta's rules");
        assertThat(browser.find(By.cssSelector("#template-check .preview")).getText())
                .isEqualTo("Hello {{1}}, your order shipped.");
        assertThat(browser.find(By.cssSelector("form.template-editor button[type=submit]")).getText())
                .as("the sandbox reviews its own templates").isEqualTo("Submit for review");
        browser.find(By.cssSelector("form.template-editor button[type=submit]")).click();

        WebElement row = browser.waitForText(By.cssSelector("tr[data-template=order_update]"), "waiting for review");
        row.findElement(By.cssSelector("form[action$='/approve'] button")).click();

        browser.waitForText(By.cssSelector("tr[data-template=order_update] .badge"), "approved");
        assertThat(template("order_update").path("status").asString()).isEqualTo("APPROVED");
        browser.screenshot("templates");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.phoneWidth();
        assertThat(browser.overflowWidth()).isZero();
        assertThat(browser.offScreen(By.cssSelector("td.actions button, .template-editor button"))).isEmpty();
        browser.screenshot("templates-phone");
    }

    @Test
    void aRejection_showsItsComment_andTheEditedTemplateGoesBackToReview(Browser browser) {
        api.post("/api/templates", Map.of("name", "promo", "language", "pt_BR", "category",
                "utility", "body", "Oferta para {{1}}!"));
        browser.signIn(admin, PASSWORD).open("/templates");

        WebElement row = browser.find(By.cssSelector("tr[data-template=promo]"));
        row.findElement(By.name("comment")).sendKeys("A promotion is marketing, not utility");
        row.findElement(By.cssSelector("form[action$='/reject'] button")).click();

        assertThat(browser.waitForText(By.cssSelector("tr[data-template=promo] .comments"), "not utility")
                .isDisplayed()).isTrue();
        browser.follow(By.cssSelector("tr[data-template=promo] a[href$='/edit']"));
        new Select(browser.find(By.name("category"))).selectByValue("marketing");
        browser.find(By.cssSelector("form.template-editor button[type=submit]")).click();
        browser.waitForText(By.cssSelector("tr[data-template=promo] .badge"), "waiting for review");
        assertThat(api.get("/api/templates").json().path("templates").path(0).path("category").asString())
                .isEqualTo("marketing");
    }

    @Test
    void anAgent_readsTheList_withoutControls_andMayNotWrite(Browser browser) {
        api.approvedTemplate("order_update", "en", "utility", "Hello {{1}}, your order shipped.");
        String agent = "agent." + UUID.randomUUID() + "@example.com";
        api.addUser(agent, "agent", PASSWORD);
        browser.signIn(agent, PASSWORD).open("/templates");

        assertThat(browser.find(By.cssSelector("tr[data-template=order_update]")).getText()).contains("approved");
        assertThat(browser.findAll(By.cssSelector("form.template-editor"))).isEmpty();
        assertThat(browser.findAll(By.cssSelector("td.actions"))).isEmpty();
        assertThat(browser.postWithoutCsrfToken("/templates/check", "name=x")).isEqualTo(403);
        browser.phoneWidth();
        assertThat(browser.overflowWidth()).isZero();
    }

    private JsonNode template(String name) {
        for (JsonNode template : api.get("/api/templates").json().path("templates")) {
            if (template.path("name").asString().equals(name)) {
                return template;
            }
        }
        throw new AssertionError("no template " + name);
    }
}
