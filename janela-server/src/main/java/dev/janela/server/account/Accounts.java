package dev.janela.server.account;

import dev.janela.core.market.MarketBasis;
import dev.janela.server.jdbc.Dialect;
import dev.janela.server.jdbc.Instants;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts: the businesses (tenants) that own channels, templates, rate cards and tokens. */
@Repository
public class Accounts {
    /** Who the records of what Janela sets up by itself name as its author. */
    public static final String JANELA = "Janela";

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final Clock clock;

    Accounts(JdbcClient jdbc, Dialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.clock = clock;
    }

    /** The account made on first start, if there is one yet. */
    public Optional<Long> findDefault() {
        return jdbc.sql("select id from accounts order by id limit 1").query(Long.class).optional();
    }

    /** The account's name, as the web pages show it. */
    public String name(long accountId) {
        return jdbc.sql("select name from accounts where id = :id").param("id", accountId).query(String.class)
                .single();
    }

    /** Makes an account; returns its id. */
    public long create(String name) {
        return jdbc.sql("insert into accounts (name, created_at) values (:name, :now) returning id")
                .param("name", name).param("now", Instants.param(clock.instant())).query(Long.class).single();
    }

    /** Locks the account's row until the transaction ends: changes to who administers it go one at a time. */
    public void lock(long accountId) {
        jdbc.sql("select id from accounts where id = :id" + dialect.lockRows()).param("id", accountId).query(Long.class)
                .single();
    }

    /** Whose country prices the account's sessions. */
    public MarketBasis marketBasis(long accountId) {
        return jdbc.sql("select market_basis from accounts where id = :id").param("id", accountId)
                .query(String.class).optional().flatMap(MarketBasis::fromWireName).orElse(MarketBasis.BUSINESS);
    }

    /** The id of the account's WhatsApp Business Account at Meta, where its templates live, once set. */
    public Optional<String> wabaId(long accountId) {
        return jdbc.sql("select waba_id from accounts where id = :id").param("id", accountId)
                .query((row, number) -> Optional.ofNullable(row.getString("waba_id"))).single();
    }

    /**
     * Sets the account's WhatsApp Business Account.
     *
     * @throws org.springframework.dao.DuplicateKeyException if another account has it (a unique index)
     */
    public void setWabaId(long accountId, String wabaId) {
        jdbc.sql("update accounts set waba_id = :waba where id = :id").param("waba", wabaId).param("id", accountId)
                .update();
    }

    /** The account whose WhatsApp Business Account is {@code wabaId}, as Meta's template webhooks name it. */
    public Optional<Long> findByWabaId(String wabaId) {
        return jdbc.sql("select id from accounts where waba_id = :waba").param("waba", wabaId)
                .query(Long.class).optional();
    }

    /** Every account with a WhatsApp Business Account, by id. */
    public Map<Long, String> wabaIds() {
        Map<Long, String> ids = new LinkedHashMap<>();
        jdbc.sql("select id, waba_id from accounts where waba_id is not null order by id")
                .query((RowCallbackHandler) row -> ids.put(row.getLong("id"),
                        row.getString("waba_id")));
        return ids;
    }
}
