package dev.janela.server.testfixtures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A new account on the test server, set up as most tests need it: a channel registered in Brazil, and
 * {@link TestServer#BRAZIL_RATES}. A test names only what differs: {@code server.anAccount().withRates(OTHER)},
 * {@code .withoutChannel()}, {@code .withApprovedTemplate(...)}.
 */
public final class AccountSetUp {
    private final TestServer server;
    private boolean channel = true;
    private Optional<String> rates = Optional.of(TestServer.BRAZIL_RATES);
    private final List<Consumer<Api>> then = new ArrayList<>();

    AccountSetUp(TestServer server) {
        this.server = server;
    }

    /** The account's rate card, in force since long ago. */
    public AccountSetUp withRates(String csv) {
        rates = Optional.of(csv);
        return this;
    }

    /** No rate card: nothing the account does can be priced. */
    public AccountSetUp withoutRates() {
        rates = Optional.empty();
        return this;
    }

    public AccountSetUp withoutChannel() {
        channel = false;
        return this;
    }

    /** A template added and approved in the sandbox's review. */
    public AccountSetUp withApprovedTemplate(String name, String language, String category, String body) {
        then.add(api -> api.approvedTemplate(name, language, category, body));
        return this;
    }

    /** With Meta's connector: a template submitted to the {@link GraphStandIn}, approved there and synced. */
    public AccountSetUp withTemplateApprovedAtMeta(String name, String language, String category, String body) {
        then.add(api -> api.approvedAtMeta(name, language, category, body));
        return this;
    }

    /**
     * Priced as Meta prices today ({@code pmp-2026}, from March 2026, where the test clock stands), each business
     * number sending {@code freeServiceMessages} service messages free a month; the rates of every model.
     */
    public AccountSetUp pricedAsOctober2026(long freeServiceMessages) {
        rates = Optional.of(TestServer.BRAZIL_RATES_EVERY_MODEL);
        then.add(api -> Api.expect(api.put("/api/pricing-plan", Map.of("periods", List.of(Map.of("from",
                "2026-03-01", "model", "pmp-2026")), "free_service_messages", freeServiceMessages)), 200));
        return this;
    }

    /** The account, and a client of it that knows its channel. */
    public Api build() {
        Api made = server.newAccount();
        Api api = channel ? new Api(made.base(), made.token(), made.accountId(), Optional.of(made.addChannel()))
                : made;
        rates.ifPresent(api::uploadRates);
        then.forEach(step -> step.accept(api));
        return api;
    }
}
