package dev.janela.server.campaign;

import dev.janela.core.report.CsvField;
import dev.janela.core.report.InstantText;
import dev.janela.server.jdbc.Instants;
import dev.janela.server.ledger.Ledger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How far a campaign has gone, read from its recipients and their messages as they are now: what each recipient's
 * message became is the message's own state, moved on by Meta's reports, so nothing here is counted twice or kept in
 * step by hand. A recipient has replied when its customer wrote after the campaign's message.
 */
@Repository
public class CampaignProgress {
    static final String CONTENT_TYPE = "text/csv;charset=UTF-8";
    private static final String HEADER = "line,recipient,status,reason,error_code,message_id,sent_at,status_at,"
            + "replied,charged,currency";
    /**
     * Each recipient with its message, the message's charges and whether the customer wrote after it: one row a
     * recipient, in the list's order.
     */
    private static final String RECIPIENTS = "select r.line, r.recipient, r.state, r.reason, r.error_code, r.wamid,"
            + " m.state as message_state, m.error_code as message_error, m.at, m.state_at,"
            + " (select sum(c.amount_micros) from charges c where c.account_id = m.account_id"
            + " and c.cause in (m.wamid || ':charge', m.wamid || ':reversal')) as charged_micros,"
            + " (select min(c.currency) from charges c where c.account_id = m.account_id"
            + " and c.cause in (m.wamid || ':charge', m.wamid || ':reversal')) as currency,"
            + " case when exists (select 1 from messages i where i.conversation_id = m.conversation_id"
            + " and i.direction = 'in' and i.at > m.at) then 1 else 0 end as replied"
            + " from campaign_recipients r join campaigns p on p.id = r.campaign_id"
            + " left join messages m on m.channel_id = p.channel_id and m.wamid = r.wamid"
            + " where r.campaign_id = :campaign";

    private final JdbcClient jdbc;

    CampaignProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What became of a campaign's recipients.
     *
     * @param recipients all of them, the skipped included
     * @param pending not sent yet
     * @param skipped not to be sent, by why ({@code opted_out}, {@code over_cap}, {@code invalid}, {@code duplicate})
     * @param queued stored, and not yet sent to the customer
     * @param sent sent, not yet delivered; {@code delivered} and {@code read} likewise count each message once, in
     *     the furthest state it reached
     * @param failed refused by Janela or failed at Meta, by Meta's code (0 when none was given)
     * @param unknown sent, but no answer said whether Meta took it
     * @param replied whose customer wrote after the campaign's message
     * @param charged what the messages were charged so far, net of reversals, in {@code currency}: a decimal
     */
    public record Counts(long recipients, long pending, Map<String, Long> skipped, long queued, long sent,
            long delivered, long read, Map<Integer, Long> failed, long unknown, long replied, String charged,
            Optional<String> currency) {
        public long skippedTotal() {
            return skipped.values().stream().mapToLong(Long::longValue).sum();
        }

        public long failedTotal() {
            return failed.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Recipients done with: skipped, or sent and in any state but queued; what the progress bar shows. */
        public long done() {
            return recipients - pending - queued;
        }
    }

    /** One recipient as the report gives it. */
    private record Row(int line, String recipient, String status, Optional<String> reason, Optional<Integer> errorCode,
            Optional<String> wamid, Optional<Instant> sentAt, Optional<Instant> statusAt, boolean replied,
            Optional<Long> chargedMicros, Optional<String> currency) {
    }

    /**
     * The campaign's counts now, added up by the database: a group for each recipient's state, why it was skipped,
     * its message's state and the code it failed with.
     */
    public Counts counts(long campaignId) {
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> skipped = new TreeMap<>();
        Map<Integer, Long> failed = new TreeMap<>();
        long[] replied = {0};
        jdbc.sql("select r.state, case when r.reason like 'invalid:%' then 'invalid'"
                        + " when r.reason like 'duplicate:%' then 'duplicate' else r.reason end as kind,"
                        + " m.state as message_state, coalesce(r.error_code, m.error_code) as code, count(*) as n,"
                        + " sum(case when exists (select 1 from messages i where i.conversation_id = m.conversation_id"
                        + " and i.direction = 'in' and i.at > m.at) then 1 else 0 end) as replied"
                        + " from campaign_recipients r join campaigns p on p.id = r.campaign_id"
                        + " left join messages m on m.channel_id = p.channel_id and m.wamid = r.wamid"
                        + " where r.campaign_id = :campaign group by 1, 2, 3, 4")
                .param("campaign", campaignId)
                .query(row -> {
                    String status = status(row.getString("state"), row.getString("message_state"));
                    long count = row.getLong("n");
                    byStatus.merge(status, count, Long::sum);
                    if (status.equals("skipped")) {
                        skipped.merge(Optional.ofNullable(row.getString("kind")).orElse(""), count, Long::sum);
                    } else if (status.equals("failed")) {
                        failed.merge(row.getInt("code"), count, Long::sum);
                    }
                    replied[0] += row.getLong("replied");
                });
        Charged charged = charged(campaignId);
        long all = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new Counts(all, byStatus.getOrDefault("pending", 0L), skipped, byStatus.getOrDefault("queued", 0L),
                byStatus.getOrDefault("sent", 0L), byStatus.getOrDefault("delivered", 0L),
                byStatus.getOrDefault("read", 0L), failed, byStatus.getOrDefault("unknown", 0L), replied[0],
                Ledger.decimal(charged.micros(), 4), charged.currency());
    }

    /** What a campaign's messages were charged, net of reversals, and in what currency. */
    private record Charged(long micros, Optional<String> currency) {
    }

    /**
     * The charges of the campaign's messages, found by their causes ({@code <message id>:charge} and
     * {@code :reversal}), which the ledger's unique index serves: two reads a recipient, however large the ledger.
     */
    private Charged charged(long campaignId) {
        return jdbc.sql("select coalesce(sum(c.amount_micros), 0) as micros, min(c.currency) as currency"
                        + " from campaign_recipients r join campaigns p on p.id = r.campaign_id"
                        + " join charges c on c.account_id = p.account_id"
                        + " and c.cause in (r.wamid || ':charge', r.wamid || ':reversal')"
                        + " where r.campaign_id = :campaign and r.wamid is not null")
                .param("campaign", campaignId)
                .query((row, n) -> new Charged(row.getLong("micros"), Optional.ofNullable(row.getString("currency"))))
                .single();
    }

    /** A recipient's status as the report and the counts give it: its own state, or its message's once sent. */
    private static String status(String state, String messageState) {
        if (!state.equals("accepted")) {
            return state;
        }
        return messageState == null || messageState.equals("pending") ? "queued" : messageState;
    }

    /** How a download names the report of campaign {@code id}. */
    static String disposition(long id) {
        return "attachment; filename=\"campaign-" + id + ".csv\"";
    }

    /** Writes the campaign's report: a line a recipient, in the list's order, with what became of its message. */
    public void report(long campaignId, Writer out) throws IOException {
        out.write(HEADER + "\n");
        try {
            forEach(campaignId, row -> line(out, row));
        } catch (UncheckedIOException failed) {
            throw failed.getCause();
        }
        out.flush();
    }

    private void forEach(long campaignId, Consumer<Row> each) {
        jdbc.sql(RECIPIENTS + " order by r.line, r.id").param("campaign", campaignId).query(result -> {
            String state = result.getString("state");
            String messageState = result.getString("message_state");
            int refused = result.getInt("error_code");
            Optional<Integer> refusedCode = result.wasNull() ? Optional.empty() : Optional.of(refused);
            int failedAt = result.getInt("message_error");
            Optional<Integer> messageCode = result.wasNull() ? Optional.empty() : Optional.of(failedAt);
            long micros = result.getLong("charged_micros");
            Optional<Long> charged = result.wasNull() ? Optional.empty() : Optional.of(micros);
            each.accept(new Row(result.getInt("line"), result.getString("recipient"), status(state, messageState),
                    Optional.ofNullable(result.getString("reason")), refusedCode.or(() -> messageCode),
                    Optional.ofNullable(result.getString("wamid")), Instants.readOptional(result, "at"),
                    Instants.readOptional(result, "state_at"), result.getInt("replied") == 1, charged,
                    Optional.ofNullable(result.getString("currency"))));
        });
    }

    private static void line(Writer out, Row row) {
        try {
            out.write(String.join(",", Integer.toString(row.line()), CsvField.text(row.recipient()), row.status(),
                    CsvField.text(row.reason().orElse("")), row.errorCode().map(String::valueOf).orElse(""),
                    CsvField.text(row.wamid().orElse("")), row.sentAt().map(InstantText::of).orElse(""),
                    row.statusAt().map(InstantText::of).orElse(""), Boolean.toString(row.replied()),
                    row.chargedMicros().map(micros -> Ledger.decimal(micros, 4)).orElse(""),
                    row.currency().orElse("")));
            out.write('\n');
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
