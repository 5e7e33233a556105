package dev.janela.bench;

import dev.janela.core.conversation.TemplateCategory;
import java.util.Objects;

/**
 * One message of simulated traffic, as a traffic log line describes it.
 *
 * @param id the message's id, unique in one simulation
 * @param epochSecond when it was sent, in seconds since the epoch
 * @param conversation the index of its conversation in the {@link Population}
 * @param inbound whether the customer sent it ({@code "direction":"in"})
 * @param type the log's {@code type}: {@code template}, or a free-form type such as {@code text}
 * @param template the template's name; empty unless {@code type} is {@code template}
 * @param category the template's category; null unless {@code type} is {@code template}
 * @param failed whether the platform reported an outbound message as not delivered
 * @param referral whether a customer's message came from a click-to-WhatsApp ad
 */
record SimulatedMessage(String id, long epochSecond, int conversation, boolean inbound, String type, String template,
        TemplateCategory category, boolean failed, boolean referral) {
    static final String TEMPLATE_TYPE = "template";

    SimulatedMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(template, "template");
        if (type.equals(TEMPLATE_TYPE) != (category != null)) {
            throw new IllegalArgumentException("a template, and only a template, has a category: " + id);
        }
    }

    static SimulatedMessage fromCustomer(String id, long epochSecond, int conversation, String type,
            boolean referral) {
        return new SimulatedMessage(id, epochSecond, conversation, true, type, "", null, false, referral);
    }

    static SimulatedMessage freeForm(String id, long epochSecond, int conversation, String type, boolean failed) {
        return new SimulatedMessage(id, epochSecond, conversation, false, type, "", null, failed, false);
    }

    static SimulatedMessage template(String id, long epochSecond, int conversation, String template,
            TemplateCategory category, boolean failed) {
        return new SimulatedMessage(id, epochSecond, conversation, false, TEMPLATE_TYPE, template, category, failed,
                false);
    }

    boolean isTemplate() {
        return category != null;
    }
}
