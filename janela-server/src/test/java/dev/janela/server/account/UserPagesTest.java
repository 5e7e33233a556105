package dev.janela.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.Browser;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestServer;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** The users page: an admin invites, changes roles, removes, and revokes tokens, as the API allows. */
@JanelaServerTest
@Tag("browser")
@ExtendWith(Browser.class)
class UserPagesTest {
    private static final String PASSWORD = "admin password 1";

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
    void anInvitedUser_getsAPasswordShownOnce_andSignsInWithIt(Browser browser) {
        String invited = "invited." + UUID.randomUUID() + "@example.com";
        browser.signIn(admin, PASSWORD).open("/users");

        browser.find(By.name("email")).sendKeys(invited);
        browser.find(By.name("name")).sendKeys("Rita Invited");
        new Select(browser.find(By.cssSelector("form[action='/users'] select[name=role]"))).selectByValue("analyst");
        browser.find(By.cssSelector("form[action='/users'] button")).click();

        String password = browser.find(By.cssSelector(".invited code.password")).getText();
        assertThat(password).hasSizeGreaterThanOrEqualTo(12);
        browser.screenshot("users");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.phoneWidth();
        assertThat(browser.overflowWidth()).isZero();
        browser.open("/users");
        assertThat(browser.offScreen(By.cssSelector(".user-list button, .token-list button, header.top .who span")))
                .isEmpty();
        assertThat(browser.headerHeight()).as("of 844").isLessThan(130);
        assertThat(browser.find(By.cssSelector("header.top nav.sections")).getSize().getWidth())
                .as("the sections' line, beside the brand").isGreaterThan(250);
        browser.screenshot("users-phone");
        assertThat(browser.findAll(By.cssSelector("code.password"))).as("shown once").isEmpty();
        browser.follow(By.cssSelector("header.top form button"));
        browser.signIn(invited, password);
        assertThat(browser.driver().getCurrentUrl()).as("an analyst starts at Billing").endsWith("/billing");
    }

    @Test
    void theLastAdmin_cannotStopBeingOne_andThePageSaysWhy(Browser browser) {
        Api alone = server.newAccount();
        String only = "only." + UUID.randomUUID() + "@example.com";
        alone.addUser(only, "admin", PASSWORD);
        alone.delete("/api/tokens/" + alone.get("/api/tokens").json().path("tokens").path(0).path("id").asLong());
        browser.signIn(only, PASSWORD).open("/users");

        WebElement row = browser.find(By.cssSelector("tr[data-email='" + only + "']"));
        new Select(row.findElement(By.name("role"))).selectByValue("agent");
        row.findElement(By.cssSelector(".role-form button")).click();

        assertThat(browser.find(By.cssSelector(".notice.error")).getText()).contains("admin");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.open("/users");
        assertThat(new Select(browser.find(By.cssSelector("tr[data-email='" + only + "'] select[name=role]")))
                .getFirstSelectedOption().getDomProperty("value")).isEqualTo("admin");
    }

    @Test
    void aRevokedToken_isRefusedByTheApi(Browser browser) {
        Api agent = api.addUser("agent." + UUID.randomUUID() + "@example.com", "agent");
        assertThat(agent.get("/api/templates").status()).isEqualTo(200);
        browser.signIn(admin, PASSWORD).open("/users");

        browser.find(By.cssSelector("tr[data-token] td:first-child"));
        browser.findAll(By.cssSelector("tr[data-token]")).stream()
                .filter(row -> row.getText().contains("token of agent.")).findFirst().orElseThrow()
                .findElement(By.cssSelector("button.danger")).click();
        browser.confirm();

        browser.waitUntil(page -> page.getCurrentUrl().endsWith("/users"));
        assertThat(agent.get("/api/templates").status()).isEqualTo(401);
    }

    @Test
    void theUsersPage_isForAdminsOnly(Browser browser) {
        String analyst = "analyst." + UUID.randomUUID() + "@example.com";
        api.addUser(analyst, "analyst", PASSWORD);
        browser.signIn(analyst, PASSWORD);

        browser.open("/users");

        assertThat(browser.status()).contains(403L);
        assertThat(browser.postWithoutCsrfToken("/users", "email=x@example.com&name=X&role=admin")).isEqualTo(403);
    }
}
