package dev.janela.server.template;

import dev.janela.core.template.TemplateBody;
import java.time.Instant;
import java.util.List;

/**
 * A template as the API and the Templates page show it, with every review it had.
 *
 * @param previousCategory the category Meta changed it from, if it did: its price changed with it
 */
record TemplateView(long id, String name, String language, String category, String header, String body,
        String footer, int parameters, String status, String rejectionReason, List<Templates.Review> reviews,
        Instant createdAt, Instant updatedAt, String createdBy, String reviewedBy, String metaTemplateId,
        String previousCategory, Instant categoryChangedAt) {
    /** {@code template} with its reviews, read from {@code templates}. */
    static TemplateView of(Template template, Templates templates) {
        return new TemplateView(template.id(), template.name(), template.language(), template.category().wireName(),
                template.header().map(TemplateBody::text).orElse(null), template.body().text(),
                template.footer().map(TemplateBody::text).orElse(null), template.body().parameterCount(),
                template.status().name(), template.rejectionReason().orElse(null), templates.reviews(template.id()),
                template.createdAt(), template.updatedAt(), template.createdBy(), template.reviewedBy().orElse(null),
                template.metaTemplateId().orElse(null),
                template.categoryChange().map(change -> change.previous().wireName()).orElse(null),
                template.categoryChange().map(Template.CategoryChange::at).orElse(null));
    }
}
