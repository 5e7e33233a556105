package dev.janela.server.ratecard;

import dev.janela.core.ratecard.PriceBook;
import dev.janela.core.ratecard.RateCard;
import dev.janela.core.ratecard.RateCardParser;
import dev.janela.server.jdbc.Instants;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every account's rate card versions, kept as the CSV they were uploaded as, and the price book they make. Price
 * books are cached, and checked against the number of versions the database holds before each use: versions are
 * only ever added, so a new one, uploaded through this process or another sharing the database, is seen at once.
 */
@Repository
public class RateCards {
    /** When an account's first version applies from, unless told: before any event Janela could see. */
    public static final Instant BEGINNING = Instant.parse("2000-01-01T00:00:00Z");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<Long, Cached> priceBooks = new ConcurrentHashMap<>();

    RateCards(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A stored version. */
    public record Version(String version, Instant effectiveFrom, String currency, String csv, Instant createdAt,
            String createdBy) {
        /** The name its CSV is downloaded as: {@code rates-v2.csv}. */
        public String fileName() {
            return "rates-" + version + ".csv";
        }

        /** Whether it prices everything before any later version: the first version, uploaded without a day. */
        public boolean fromTheStart() {
            return effectiveFrom.equals(BEGINNING);
        }

        /** Its prices. */
        public RateCard card() {
            return RateCardParser.parse(version, csv, version, effectiveFrom);
        }
    }

    /**
     * The price book of the account's versions, empty if it has none, given how many versions the database holds
     * now: the caller counts them (with {@code select count(*) from rate_cards where account_id = ...}) in the
     * statement that reads what else it needs.
     */
    public PriceBook priceBook(long accountId, long versions) {
        return priceBooks.compute(accountId, (account, cached) -> cached != null && cached.versions == versions
                ? cached : load(account)).priceBook;
    }

    private record Cached(long versions, PriceBook priceBook) {
    }

    /** The account's versions, earliest first. */
    public List<Version> versions(long accountId) {
        return jdbc.sql("select version, effective_from, currency, csv, created_at, created_by from rate_cards"
                + " where account_id = :account order by effective_from")
                .param("account", accountId)
                .query((row, number) -> new Version(row.getString("version"), Instants.read(row, "effective_from"),
                        row.getString("currency"), row.getString("csv"), Instants.read(row, "created_at"),
                        row.getString("created_by")))
                .list();
    }

    /** The account's version named {@code version}, if it has one. */
    public Optional<Version> find(long accountId, String version) {
        return versions(accountId).stream().filter(stored -> stored.version().equals(version)).findFirst();
    }

    /** Stores a version the caller has parsed and checked against the others. */
    public void add(long accountId, RateCard card, String csv, String createdBy) {
        jdbc.sql("insert into rate_cards (account_id, version, effective_from, currency, csv, created_at,"
                + " created_by) values (:account, :version, :from, :currency, :csv, :now, :by)")
                .param("account", accountId).param("version", card.version())
                .param("from", Instants.param(card.effectiveFrom()))
                .param("currency", card.currency().getCurrencyCode())
                .param("csv", csv).param("now", Instants.param(clock.instant())).param("by", createdBy).update();
    }

    private Cached load(long accountId) {
        List<RateCard> cards = versions(accountId).stream().map(Version::card).toList();
        return new Cached(cards.size(), cards.isEmpty() ? PriceBook.empty() : PriceBook.of(cards));
    }
}
