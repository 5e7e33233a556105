package dev.janela.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.Browser;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** Campaigns in the browser, on a phone and a laptop: a file uploaded, the campaign's page read and started. */
@JanelaServerTest
@Tag("browser")
@ExtendWith(Browser.class)
class CampaignBrowserTest {
    private static final String PASSWORD = "campaign browser password";

    @Autowired
    private TestServer server;

    @Test
    void aListUploaded_showsTheCampaignsPage_whichFitsAPhone_andStartsIt(Browser browser, @TempDir Path files)
            throws IOException {
        Api api = server.anAccount().withApprovedTemplate("spring_sale_announcement", "pt_BR", "marketing",
                "Oi {{1}}, a promoção {{2}} começou.").build();
        String admin = "admin." + UUID.randomUUID() + "@example.com";
        api.addUser(admin, "admin", PASSWORD);
        Path list = files.resolve("list.csv");
        Files.writeString(list, "recipient;1;2\n+55 21 98765-0801;Ana Maria da Silva;PRIMAVERA2026\n"
                + "12ab;Bia;X\n+55 21 98765-0801;Ana;Y\nBR.1502512345678901;Dora;Z\n");
        browser.signIn(admin, PASSWORD).open("/campaigns");

        browser.find(By.name("name")).sendKeys("Spring sale, first wave of the whole customer list");
        browser.find(By.name("file")).sendKeys(list.toAbsolutePath().toString());
        browser.find(By.cssSelector("form[action='/campaigns'] button")).click();

        browser.waitForText(By.cssSelector(".skipped h3"), "Invalid numbers: 1");
        assertThat(browser.find(By.cssSelector(".estimate .total")).getText())
                .contains("for 2 recipients: 2 charged, 0 free");
        assertThat(browser.overflowWidth()).as("desktop").isZero();
        browser.screenshot("campaign-desktop");
        browser.phoneWidth();
        assertThat(browser.overflowWidth()).as("phone").isZero();
        browser.screenshot("campaign-phone");
        browser.desktopWidth();
        browser.find(By.cssSelector("form[action$='/start'] button.primary")).click();
        browser.waitForText(By.cssSelector("h1 .badge"), "running");
        browser.open("/campaigns").phoneWidth();
        assertThat(browser.overflowWidth()).as("list on a phone").isZero();
        browser.screenshot("campaigns-phone");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
