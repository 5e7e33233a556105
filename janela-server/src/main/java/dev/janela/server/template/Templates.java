package dev.janela.server.template;

import dev.janela.core.conversation.TemplateCategory;
import dev.janela.core.template.TemplateBody;
import dev.janela.server.jdbc.Instants;
import dev.janela.server.jdbc.Keys;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Every account's templates. */
@Repository
public class Templates {
    private static final String COLUMNS =
            "id, account_id, name, language, category, body, status, rejection_reason, created_at, updated_at,"
            + " created_by, reviewed_by";

    private final JdbcClient jdbc;
    private final Clock clock;

    Templates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Adds a template, pending review; returns its id. */
    public long add(long accountId, String name, String language, TemplateCategory category, TemplateBody body,
            String createdBy) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into templates (account_id, name, language, category, body, status, created_at, updated_at,"
                + " created_by) values (:account, :name, :language, :category, :body, :status, :now, :now, :by)")
                .param("account", accountId).param("name", name).param("language", language)
                .param("category", category.name()).param("body", body.text())
                .param("status", TemplateStatus.PENDING.name()).param("now", Instants.param(clock.instant()))
                .param("by", createdBy).update(key, "id");
        return Keys.id(key);
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

    /** Moves a template to {@code status}, with the reason for a rejection. */
    public void review(long id, TemplateStatus status, String reason, String reviewedBy) {
        jdbc.sql("update templates set status = :status, rejection_reason = :reason, updated_at = :now,"
                + " reviewed_by = :by where id = :id")
                .param("status", status.name()).param("reason", reason).param("now", Instants.param(clock.instant()))
                .param("by", reviewedBy).param("id", id).update();
    }

    private static Template template(ResultSet row, int number) throws SQLException {
        return new Template(row.getLong("id"), row.getLong("account_id"), row.getString("name"),
                row.getString("language"), TemplateCategory.valueOf(row.getString("category")),
                TemplateBody.parse(row.getString("body")), TemplateStatus.valueOf(row.getString("status")),
                Optional.ofNullable(row.getString("rejection_reason")), Instants.read(row, "created_at"),
                Instants.read(row, "updated_at"), row.getString("created_by"),
                Optional.ofNullable(row.getString("reviewed_by")));
    }
}
