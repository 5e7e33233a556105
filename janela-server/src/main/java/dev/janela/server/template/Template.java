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
 * @param header a text above the body, with at most one parameter
 * @param footer a text below the body, without parameters
 * @param metaTemplateId the template's id at Meta, once submitted there
 * @param categoryChange the category Meta changed it from, and when, if Meta did (the price changed with it)
 */
public record Template(long id, long accountId, String name, String language, TemplateCategory category,
        TemplateBody body, TemplateStatus status, Optional<String> rejectionReason, Instant createdAt,
        Instant updatedAt, String createdBy, Optional<String> reviewedBy, Optional<TemplateBody> header,
        Optional<TemplateBody> footer, Optional<String> metaTemplateId, Optional<CategoryChange> categoryChange) {
    /** Meta re-categorised the template: from {@code previous} at {@code at}. */
    public record CategoryChange(TemplateCategory previous, Instant at) {
    }

    /** Whether it may be edited: not while approved (Meta's rule) nor once disabled. */
    public boolean isEditable() {
        return status.isEditable();
    }
}
