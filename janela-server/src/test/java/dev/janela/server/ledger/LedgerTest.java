package dev.janela.server.ledger;

import static dev.janela.server.testfixtures.TestServer.START;
import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.ledger.Charge;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestServer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The ledger's table: one row per cause, reversals as rows of their own, amounts shown exactly. */
@JanelaServerTest
class LedgerTest {
    private static final ConversationKey CONVERSATION = new ConversationKey("+5511987654321", "+5521987650301");

    @Autowired
    private TestServer server;
    @Autowired
    private JdbcClient jdbc;

    private Api api;

    @Autowired
    private Ledger ledger;
    @Autowired
    private ChargeQuery charges;

    @BeforeEach
    void newAccount() {
        api = server.newAccount();
    }

    @Test
    void aCause_isRecordedOnce_andItsReversalOnce() {
        api.uploadRates("market,category,price,currency\nBR,user_initiated,0.0068,USD\n");
        String channel = api.addChannel();
        api.webhook(payload(channel, List.of(text("wamid.l1", "5521987650301", START, "Oi")), List.of()));
        long channelId = jdbc.sql("select id from channels where phone_number_id = :id").param("id", channel)
                .query(Long.class).single();
        long conversationId = jdbc.sql("select id from conversations where channel_id = :id").param("id", channelId)
                .query(Long.class).single();
        Charge charge = ledger.chargeOf(api.accountId(), CONVERSATION, "wamid.l1").orElseThrow();
        Instant failedAt = START.plusSeconds(60);

        boolean again = ledger.record(api.accountId(), channelId, conversationId, charge);
        boolean reversed = ledger.record(api.accountId(), channelId, conversationId, charge.reversal(failedAt));
        boolean reversedAgain = ledger.record(api.accountId(), channelId, conversationId, charge.reversal(failedAt));

        assertThat(charge.amount().micros()).isEqualTo(6_800);
        assertThat(again).isFalse();
        assertThat(reversed).isTrue();
        assertThat(reversedAgain).isFalse();
        assertThat(charges.page(api.accountId(), new ChargeQuery.Filter(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(), 10))
                .extracting(row -> row.cause() + " " + row.amountMicros())
                .containsExactly("wamid.l1:charge 6800", "wamid.l1:reversal -6800");
        assertThat(ledger.chargeOf(server.newAccount().accountId(), CONVERSATION, "wamid.l1")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "6800, 4, 0.0068",
        "62500, 4, 0.0625",
        "123456, 4, 0.123456",
        "-6800, 4, -0.0068",
        "0, 4, 0.0000",
        "12000000, 2, 12.00"})
    void amounts_areShownWithAtLeastTheirScale_andNeverRounded(long micros, int scale, String shown) {
        assertThat(Ledger.decimal(micros, scale)).isEqualTo(shown);
    }
}
