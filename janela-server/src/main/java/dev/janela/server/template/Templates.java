package dev.janela.server.template;

import dev.janela.core.conversation.TemplateCategory;
import dev.janela.core.template.TemplateBody;
import dev.janela.server.jdbc.Instants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every account's templates. */
@Repository
public class Templates {
    private static final String COLUMNS =
            "id, account_id, name, language, category, body, status, rejection_reason, created_at, updated_at,"
            + " created_by, reviewed_by, header, footer, meta_template_id, previous_category, category_changed_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    Templates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a template says: its category and texts. */
    public record Content(TemplateCategory category, TemplateBody body, Optional<TemplateBody> header,
            Optional<TemplateBody> footer) {
        public Content(TemplateCategory category, TemplateBody body) {
            this(category, body, Optional.empty(), Optional.empty());
        }
    }

    /** Adds a template, pending review; returns its id. */
    public long add(long accountId, String name, String language, Content content, String createdBy) {
        return jdbc.sql("insert into templates (account_id, name, language, category, body, header, footer, status,"
                + " created_at, updated_at, created_by) values (:account, :name, :language, :category, :body,"
                + " :header, :footer, :status, :now, :now, :by) returning id")
                .param("account", accountId).param("name", name).param("language", language)
                .param("category", content.category().name()).param("body", content.body().text())
                .param("header", content.header().map(TemplateBody::text).orElse(null))
                .param("footer", content.footer().map(TemplateBody::text).orElse(null))
                .param("status", TemplateStatus.PENDING.name()).param("now", Instants.param(clock.instant()))
                .param("by", createdBy).query(Long.class).single();
    }

    /** Changes what a template says; it goes back to review. */
    public void edit(long id, Content content) {
        jdbc.sql("update templates set category = :category, body = :body, header = :header, footer = :footer,"
                + " status = :status, rejection_reason = null, updated_at = :now where id = :id")
                .param("category", content.category().name()).param("body", content.body().text())
                .param("header", content.header().map(TemplateBody::text).orElse(null))
                .param("footer", content.footer().map(TemplateBody::text).orElse(null))
                .param("status", TemplateStatus.PENDING.name()).param("now", Instants.param(clock.instant()))
                .param("id", id).update();
    }

    /** One review of a template: its verdict, the reviewer's comments, who and when. */
    public record Review(String verdict, List<String> comments, String reviewedBy, Instant at) {
    }

    /** The template's reviews, oldest first. */
    public List<Review> reviews(long id) {
        return jdbc.sql("select verdict, comments, reviewed_by, at from template_reviews where template_id = :id"
                + " order by id").param("id", id)
                .query((row, number) -> new Review(row.getString("verdict"), row.getString("comments") == null
                        ? List.of() : List.of(row.getString("comments").split("\n")),
                        row.getString("reviewed_by"), Instants.read(row, "at")))
                .list();
    }

    /** The account's template with {@code id}; another account's is not found. */
    public Optional<Template> find(long accountId, long id) {
        return jdbc.sql("select " + COLUMNS + " from templates where id = :id and account_id = :account")
                .param("id", id).param("account", accountId).query(Templates::template).optional();
    }

    /** The account's template with this name and language. */
    public Optional<Template> find(long accountId, String name, String language) {
        return jdbc.sql("select " + COLUMNS + " from templates where account_id = :account and name = :name"
                + " and language = :language").param("account", accountId).param("name", name)
                .param("language", language).query(Templates::template).optional();
    }

    public List<Template> list(long accountId) {
        return jdbc.sql("select " + COLUMNS + " from templates where account_id = :account order by name, language")
                .param("account", accountId).query(Templates::template).list();
    }

    /** Records that Meta took the template under {@code metaTemplateId}. */
    public void submitted(long id, String metaTemplateId) {
        jdbc.sql("update templates set meta_template_id = :meta, updated_at = :now where id = :id")
                .param("meta", metaTemplateId).param("now", Instants.param(clock.instant())).param("id", id).update();
    }

    /** The account's template Meta knows as {@code metaTemplateId}. */
    public Optional<Template> findByMetaId(long accountId, String metaTemplateId) {
        return jdbc.sql("select " + COLUMNS + " from templates where account_id = :account"
                + " and meta_template_id = :meta").param("account", accountId).param("meta", metaTemplateId)
                .query(Templates::template).optional();
    }

    /**
     * Records that Meta changed the template's category, which changes what it costs; the category it had is kept
     * to be shown beside the new one.
     */
    public void recategorize(long id, TemplateCategory previous, TemplateCategory category) {
        jdbc.sql("update templates set category = :category, previous_category = :previous,"
                + " category_changed_at = :now, updated_at = :now where id = :id")
                .param("category", category.name()).param("previous", previous.name())
                .param("now", Instants.param(clock.instant())).param("id", id).update();
    }

    /** Moves a template to {@code status}, keeping the review and its comments (the reasons for a rejection). */
    public void review(long id, TemplateStatus status, List<String> comments, String reviewedBy) {
        Instant now = clock.instant();
        String reason = comments.isEmpty() ? null : String.join("; ", comments);
        jdbc.sql("update templates set status = :status, rejection_reason = :reason, updated_at = :now,"
                + " reviewed_by = :by where id = :id")
                .param("status", status.name()).param("reason", reason).param("now", Instants.param(now))
                .param("by", reviewedBy).param("id", id).update();
        jdbc.sql("insert into template_reviews (account_id, template_id, verdict, comments, reviewed_by, at)"
                + " select account_id, id, :verdict, :comments, :by, :now from templates where id = :id")
                .param("verdict", status.name()).param("comments", comments.isEmpty() ? null
                        : String.join("\n", comments)).param("by", reviewedBy).param("now", Instants.param(now))
                .param("id", id).update();
    }

    private static Template template(ResultSet row, int number) throws SQLException {
        return new Template(row.getLong("id"), row.getLong("account_id"), row.getString("name"),
                row.getString("language"), TemplateCategory.valueOf(row.getString("category")),
                TemplateBody.parse(row.getString("body")), TemplateStatus.valueOf(row.getString("status")),
                Optional.ofNullable(row.getString("rejection_reason")), Instants.read(row, "created_at"),
                Instants.read(row, "updated_at"), row.getString("created_by"),
                Optional.ofNullable(row.getString("reviewed_by")),
                Optional.ofNullable(row.getString("header")).map(TemplateBody::parseHeader),
                Optional.ofNullable(row.getString("footer")).map(TemplateBody::parseFooter),
                Optional.ofNullable(row.getString("meta_template_id")), categoryChange(row));
    }

    private static Optional<Template.CategoryChange> categoryChange(ResultSet row) throws SQLException {
        String previous = row.getString("previous_category");
        return previous == null ? Optional.empty() : Optional.of(new Template.CategoryChange(
                TemplateCategory.valueOf(previous), Instants.read(row, "category_changed_at")));
    }
}
