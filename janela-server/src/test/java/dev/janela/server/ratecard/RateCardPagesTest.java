package dev.janela.server.ratecard;

import static dev.janela.server.testfixtures.TestServer.BRAZIL_RATES;
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

/** Rate cards in the browser: versions listed and downloaded; an upload refused naming every bad line, or stored. */
@JanelaServerTest
@Tag("browser")
@ExtendWith(Browser.class)
class RateCardPagesTest {
    private static final String PASSWORD = "rate card password";

    @Autowired
    TestServer server;

    private Api api;
    private String admin;

    @BeforeEach
    void anAccountWithARateCard() {
        api = server.newAccount();
        api.uploadRates(BRAZIL_RATES);
        admin = "admin." + UUID.randomUUID() + "@example.com";
        api.addUser(admin, "admin", PASSWORD);
    }

    @Test
    void everyBadLine_isListed_andTheTextIsKept_thenAGoodVersionIsStored(Browser browser) {
        String bad = "market,category,price,currency\nBR,user_initiated,0.0070,USD\nBR,business_initiated,cheap,USD\n"
                + "BR,marketing,0.0625,EUR\nBR,authentication\n";
        browser.signIn(admin, PASSWORD).open("/rate-cards");

        browser.find(By.name("csv")).sendKeys(bad);
        browser.find(By.cssSelector("form[action='/rate-cards'] button")).click();

        assertThat(browser.find(By.cssSelector(".notice.error p")).getText()).contains("3 lines are invalid");
        assertThat(browser.findAll(By.cssSelector(".notice.error li")).stream().map(WebElement::getText).toList())
                .satisfiesExactly(line -> assertThat(line).startsWith("line 3: price: \"cheap\""),
                        line -> assertThat(line).startsWith("line 4: currency: EUR differs from USD"),
                        line -> assertThat(line).startsWith("line 5: has 2 fields"));
        assertThat(api.get("/api/rate-cards").json().path("rate_cards").size()).as("nothing stored").isEqualTo(1);
        assertThat(browser.find(By.name("csv")).getDomProperty("value")).isEqualTo(bad);
        browser.find(By.name("csv")).clear();
        browser.find(By.name("csv")).sendKeys(bad.replace("cheap", "0.0700").replace("EUR", "USD")
                .replace("BR,authentication\n", ""));
        browser.script("arguments[0].value = '2026-04-01';", browser.find(By.name("effectiveFrom")));
        browser.find(By.cssSelector("form[action='/rate-cards'] button")).click();

        assertThat(browser.find(By.cssSelector(".notice.uploaded")).getText()).contains("v2", "1 market, in USD");
        assertThat(api.get("/api/rate-cards").json().path("rate_cards").path(1).path("effective_from").asString())
                .isEqualTo("2026-04-01T00:00:00.000000Z");
        browser.screenshot("rate-cards");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void metasOwnRateCardFile_isStoredInJanelasFormat(Browser browser) {
        String metas = "Rates effective October 1, 2026,,\nMarket,Currency,Marketing,Service\n"
                + "Brazil,$US,0.0625,0.0068\nOther,$US,0.0604,0.0077\n";
        browser.signIn(admin, PASSWORD).open("/rate-cards");

        new Select(browser.find(By.name("format"))).selectByValue("meta");
        browser.find(By.name("csv")).sendKeys(metas);
        browser.script("arguments[0].value = '2026-10-01';", browser.find(By.name("effectiveFrom")));
        browser.find(By.cssSelector("form[action='/rate-cards'] button")).click();

        assertThat(browser.find(By.cssSelector(".notice.uploaded")).getText()).contains("v2", "2 markets", "USD");
        assertThat(browser.fetchText("/rate-cards/v2.csv")).isEqualTo("market,category,price,currency\n"
                + "BR,marketing,0.0625,USD\nBR,service,0.0068,USD\n*,marketing,0.0604,USD\n*,service,0.0077,USD\n");
        browser.open("/rate-cards");
        assertThat(browser.find(By.cssSelector("table.versions tbody td:nth-child(2)")).getText())
                .as("its day as uploaded, in UTC, not the evening before in the reader's zone")
                .isEqualTo("Oct 1, 2026 (UTC)");
        WebElement prices = browser.find(By.cssSelector("details.prices[data-version=v2]"));
        assertThat(prices.findElement(By.tagName("summary")).getText()).isEqualTo("Prices of v2: 2 markets");
        prices.findElement(By.tagName("summary")).click();
        assertThat(prices.findElements(By.cssSelector("thead th"))).extracting(WebElement::getText)
                .containsExactly("Market", "marketing", "service");
        assertThat(prices.findElements(By.cssSelector("tbody tr"))).extracting(WebElement::getText)
                .containsExactly("BR $0.0625 $0.0068", "* (any other market) $0.0604 $0.0077");
        browser.screenshot("rate-card-prices");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void anAnalyst_readsAndDownloads_butMayNotUpload(Browser browser) {
        String analyst = "analyst." + UUID.randomUUID() + "@example.com";
        api.addUser(analyst, "analyst", PASSWORD);
        browser.signIn(analyst, PASSWORD).open("/rate-cards");

        assertThat(browser.find(By.cssSelector("table.versions tbody")).getText()).contains("v1", "USD");
        assertThat(browser.findAll(By.name("csv"))).isEmpty();
        assertThat(browser.fetchText("/rate-cards/v1.csv")).isEqualTo(BRAZIL_RATES);
        assertThat(browser.postWithoutCsrfToken("/rate-cards", "csv=x")).isEqualTo(403);
        assertThat(browser.find(By.cssSelector("table.versions tbody td:nth-child(2)")).getText())
                .as("the first version, uploaded without a day").isEqualTo("from the start");
        browser.open("/rate-cards?lang=pt-BR");
        browser.find(By.cssSelector("details.prices[data-version=v1] summary")).click();
        assertThat(browser.find(By.cssSelector("table.versions tbody td:nth-child(2)")).getText())
                .isEqualTo("desde o início");
        assertThat(browser.find(By.cssSelector("details.prices[data-version=v1] tbody")).getText())
                .contains("US$ 0,");
        browser.phoneWidth();
        assertThat(browser.overflowWidth()).isZero();
        browser.screenshot("rate-cards-phone-pt");
        Api.expect(api.post("/api/rate-cards?effective_from=2026-03-01T00:00:00Z", "text/csv", BRAZIL_RATES), 201);
        browser.open("/billing?lang=en");
        assertThat(browser.find(By.cssSelector(".rate-card p")).getText())
                .isEqualTo("Version v2, in USD, in force since Mar 1, 2026 (UTC)");
    }
}
