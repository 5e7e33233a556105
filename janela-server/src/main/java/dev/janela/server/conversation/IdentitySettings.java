package dev.janela.server.conversation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Whether a customer's open window carries on when Meta reports a new number or BSUID for them, per account. */
@Repository
public class IdentitySettings {
    private final JdbcClient jdbc;

    IdentitySettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean changeKeepsWindow(long accountId) {
        return jdbc.sql("select identity_change_keeps_window from accounts where id = :id").param("id", accountId)
                .query(Boolean.class).single();
    }

    public void setChangeKeepsWindow(long accountId, boolean keeps) {
        jdbc.sql("update accounts set identity_change_keeps_window = :keeps where id = :id").param("keeps", keeps)
                .param("id", accountId).update();
    }
}
