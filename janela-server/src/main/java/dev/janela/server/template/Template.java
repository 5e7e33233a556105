package dev.janela.server.template;

import dev.janela.core.conversation.TemplateCategory;
import dev.janela.core.template.TemplateBody;
import java.time.Instant;
import java.util.Optional;

/**
 * One template in one language.
 *
 * @param rejectionReason why the review rejected it; empty unless it is rejected
 * @param createdBy who added it: a user's e-mail address or a token's name
 * @param reviewedBy who approved or rejected it, once someone has
 */
public record Template(long id, long accountId, String name, String language, TemplateCategory category,
        TemplateBody body, TemplateStatus status, Optional<String> rejectionReason, Instant createdAt,
        Instant updatedAt, String createdBy, Optional<String> reviewedBy) {
}
