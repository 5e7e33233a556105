package dev.janela.server.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The table of applied webhook events: an event's first time is its only one, per channel. */
@JanelaServerTest
class ProcessedEventsTest {
    @Autowired
    private TestServer server;
    @Autowired
    private JdbcClient jdbc;

    private Api api;

    @Autowired
    private ProcessedEvents processed;

    @BeforeEach
    void newAccount() {
        api = server.newAccount();
    }

    @Test
    void anEvent_isNewOnlyTheFirstTime_onEachChannel() {
        long first = channelId(api.addChannel());
        long second = channelId(api.addChannel());

        assertThat(processed.firstTime(api.accountId(), first, "message:wamid.p1")).isTrue();
        assertThat(processed.firstTime(api.accountId(), first, "message:wamid.p1")).isFalse();
        assertThat(processed.firstTime(api.accountId(), first, "status:wamid.p1:read")).isTrue();
        assertThat(processed.firstTime(api.accountId(), second, "message:wamid.p1")).isTrue();
    }

    private long channelId(String phoneNumberId) {
        return jdbc.sql("select id from channels where phone_number_id = :id").param("id", phoneNumberId)
                .query(Long.class).single();
    }
}
