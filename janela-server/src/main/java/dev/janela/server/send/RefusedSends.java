package dev.janela.server.send;

import dev.janela.server.jdbc.Instants;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sends refused in Meta's terms, by code and time: nothing else of them is stored. */
@Repository
class RefusedSends {
    private final JdbcClient jdbc;

    RefusedSends(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a refusal, in the transaction that records it, since the refused send's was rolled back. */
    void record(long accountId, long channelId, int code, Instant at) {
        jdbc.sql("insert into refused_sends (account_id, channel_id, code, at) values (:account, :channel, :code,"
                + " :at)").param("account", accountId).param("channel", channelId).param("code", code)
                .param("at", Instants.param(at)).update();
    }
}
