package dev.janela.server.conversation;

import dev.janela.core.conversation.TemplateCategory;
import java.util.Objects;
import java.util.Optional;

/**
 * A message the business asks to send.
 *
 * @param customer the customer as the send named it: the number's digits, or a BSUID
 * @param type {@code template}, or the free-form type
 * @param template the approved template it is made from, for templates
 * @param body its text, if it has one (a template's, rendered)
 */
public record Outbound(String customer, String type, Optional<TemplateRef> template, Optional<String> body) {
    public Outbound {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(body, "body");
    }

    /** The template a send is made from. */
    public record TemplateRef(long id, TemplateCategory category) {
    }
}
