package dev.janela.server.template;

import dev.janela.core.conversation.TemplateCategory;
import dev.janela.server.account.Accounts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * What Meta says of an account's templates, by webhook ({@code message_template_status_update},
 * {@code template_category_update}) or in its template list: a review's verdict, a pause, a new category. A new
 * category is kept beside the one it replaces, since it changes what the template costs.
 */
@Component
public class MetaTemplateUpdates {
    /** Who the template's history says reviewed it. */
    static final String META = "Meta";
    private static final Logger LOG = LoggerFactory.getLogger(MetaTemplateUpdates.class);

    private final Accounts accounts;
    private final Templates templates;

    MetaTemplateUpdates(Accounts accounts, Templates templates) {
        this.accounts = accounts;
        this.templates = templates;
    }

    /**
     * Applies one template webhook change.
     *
     * @param wabaId the WhatsApp Business Account the change is for ({@code entry[].id})
     * @param field {@code message_template_status_update} or {@code template_category_update}
     * @return whether it changed a template
     */
    @Transactional
    public boolean applyWebhook(String wabaId, String field, JsonNode value) {
        Optional<Long> account = accounts.findByWabaId(wabaId);
        Optional<Template> template = account.flatMap(id -> find(id, value));
        if (template.isEmpty()) {
            LOG.info("A {} webhook for a template Janela does not know (WABA {}, {} in {}) was ignored", field,
                    wabaId, value.path("message_template_name").asString(""),
                    value.path("message_template_language").asString(""));
            return false;
        }
        String reason = value.path("reason").asString("");
        return switch (field) {
            case "message_template_status_update" -> apply(template.get(),
                    TemplateStatus.fromMeta(value.path("event").asString("")),
                    category(value.path("message_template_category").asString("")),
                    reason.isEmpty() || reason.equals("NONE") ? List.of() : List.of(reason));
            case "template_category_update" -> apply(template.get(), Optional.empty(),
                    category(value.path("new_category").asString("")), List.of());
            default -> false;
        };
    }

    /**
     * Brings a template to what Meta says of it.
     *
     * @param comments why, for a rejection
     * @return whether anything changed
     */
    @Transactional
    public boolean apply(Template template, Optional<TemplateStatus> status, Optional<TemplateCategory> category,
            List<String> comments) {
        boolean changed = false;
        if (category.isPresent() && category.get() != template.category()) {
            templates.recategorize(template.id(), template.category(), category.get());
            LOG.info("Meta changed template {} in {} from {} to {}; it is priced as {} from now on", template.name(),
                    template.language(), template.category().wireName(), category.get().wireName(),
                    category.get().wireName());
            changed = true;
        }
        if (status.isPresent() && status.get() != template.status()) {
            templates.review(template.id(), status.get(), comments, META);
            changed = true;
        }
        return changed;
    }

    /** Meta's category name as Janela's; empty for one Janela does not price. */
    static Optional<TemplateCategory> category(String metaCategory) {
        return metaCategory.isEmpty() ? Optional.empty()
                : TemplateCategory.fromWireName(metaCategory.toLowerCase(Locale.ROOT));
    }

    private Optional<Template> find(long accountId, JsonNode value) {
        String metaId = value.path("message_template_id").asString("");
        return templates.findByMetaId(accountId, metaId).or(() -> templates.find(accountId,
                value.path("message_template_name").asString(""),
                value.path("message_template_language").asString("")));
    }
}
