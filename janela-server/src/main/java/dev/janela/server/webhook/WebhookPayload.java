package dev.janela.server.webhook;

import dev.janela.core.phone.E164;
import dev.janela.server.conversation.Inbound;
import dev.janela.server.conversation.MessageState;
import dev.janela.server.conversation.MetaPricing;
import dev.janela.server.conversation.StatusReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * What one delivery of Meta's {@code messages} webhook carries, per channel: customers' messages and delivery
 * reports, each in time order (Meta does not promise any). An item that cannot be read is skipped with a warning;
 * it does not hold up the rest.
 */
final class WebhookPayload {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookPayload.class);
    private static final long LATEST_TIMESTAMP = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    private WebhookPayload() {
    }

    /**
     * The items of one {@code phone_number_id}: customers' messages ({@code messages[]}, with the sender's profile
     * name from {@code contacts[]}), and delivery reports ({@code statuses[]}, with what the send asked Meta to echo
     * and Meta's pricing).
     */
    record ChannelItems(String phoneNumberId, List<Inbound> messages, List<StatusReport> statuses) {
    }

    /** A change to one of a WhatsApp Business Account's templates. */
    record TemplateChange(String wabaId, String field, JsonNode value) {
    }

    /** The fields of Meta's template webhooks. */
    private static final List<String> TEMPLATE_FIELDS = List.of("message_template_status_update",
            "template_category_update");

    /** The template changes of {@code payload}. */
    static List<TemplateChange> templateChanges(JsonNode payload) {
        List<TemplateChange> changes = new ArrayList<>();
        for (JsonNode entry : payload.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                String field = change.path("field").asString("");
                if (TEMPLATE_FIELDS.contains(field) && change.path("value").isObject()) {
                    changes.add(new TemplateChange(entry.path("id").asString(""), field, change.path("value")));
                }
            }
        }
        return changes;
    }

    /** The items of {@code payload}, by channel. */
    static List<ChannelItems> read(JsonNode payload) {
        List<ChannelItems> items = new ArrayList<>();
        for (JsonNode entry : payload.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                if (change.path("field").asString("").equals("messages")) {
                    channelItems(change.path("value")).ifPresent(items::add);
                }
            }
        }
        return items;
    }

    private static Optional<ChannelItems> channelItems(JsonNode value) {
        String phoneNumberId = value.path("metadata").path("phone_number_id").asString("");
        if (phoneNumberId.isEmpty()) {
            LOG.warn("A webhook change without metadata.phone_number_id was skipped");
            return Optional.empty();
        }
        Map<String, String> names = new HashMap<>();
        for (JsonNode contact : value.path("contacts")) {
            String name = contact.path("profile").path("name").asString("");
            if (!name.isEmpty()) {
                names.put(contact.path("wa_id").asString(""), name);
            }
        }
        List<Inbound> messages = new ArrayList<>();
        for (JsonNode message : value.path("messages")) {
            message(message, names).ifPresent(messages::add);
        }
        List<StatusReport> statuses = new ArrayList<>();
        for (JsonNode status : value.path("statuses")) {
            status(status).ifPresent(statuses::add);
        }
        messages.sort(Comparator.comparing(Inbound::at));
        statuses.sort(Comparator.comparing(StatusReport::at));
        return Optional.of(new ChannelItems(phoneNumberId, messages, statuses));
    }

    private static Optional<Inbound> message(JsonNode message, Map<String, String> names) {
        String wamid = message.path("id").asString("");
        E164.Parsed from = E164.parse(message.path("from").asString(""));
        Optional<Instant> at = timestamp(message);
        if (wamid.isEmpty() || !from.isValid() || at.isEmpty()) {
            LOG.warn("A webhook message without a valid id, from or timestamp was skipped");
            return Optional.empty();
        }
        String waId = Long.toString(from.digits());
        String type = message.path("type").asString("unknown");
        Optional<String> text = Optional.of(message.path("text").path("body").asString("")).filter(s -> !s.isEmpty());
        boolean referral = message.has("referral");
        return Optional.of(new Inbound(wamid, waId, at.get(), type, text, referral,
                Optional.ofNullable(names.get(waId))));
    }

    private static Optional<StatusReport> status(JsonNode status) {
        String wamid = status.path("id").asString("");
        Optional<MessageState> state = state(status.path("status").asString(""));
        Optional<Instant> at = timestamp(status);
        if (wamid.isEmpty() || state.isEmpty() || at.isEmpty()) {
            LOG.warn("A webhook status without a valid id, status or timestamp was skipped");
            return Optional.empty();
        }
        JsonNode error = status.path("errors").path(0);
        JsonNode code = error.path("code");
        Optional<Integer> errorCode = code.isIntegralNumber() && code.canConvertToInt() ? Optional.of(code.asInt())
                : Optional.empty();
        Optional<String> callbackData = Optional.of(status.path("biz_opaque_callback_data").asString(""))
                .filter(data -> !data.isEmpty());
        return Optional.of(new StatusReport(wamid, state.get(), at.get(), errorCode, callbackData,
                pricing(status.path("pricing"))));
    }

    /** Meta's {@code pricing} object; its category in lower case, as Meta writes it in some places and not others. */
    private static Optional<MetaPricing> pricing(JsonNode pricing) {
        if (!pricing.isObject()) {
            return Optional.empty();
        }
        JsonNode billable = pricing.path("billable");
        String model = text(pricing, "pricing_model", 10).toUpperCase(Locale.ROOT);
        return Optional.of(new MetaPricing(nullIfEmpty(model),
                billable.isBoolean() ? billable.asBoolean() : null, nullIfEmpty(text(pricing, "type", 40)),
                nullIfEmpty(text(pricing, "category", 40).toLowerCase(Locale.ROOT).replace('-', '_'))));
    }

    /** A field's text, cut to what the database keeps. */
    private static String text(JsonNode item, String field, int longest) {
        String value = item.path(field).asString("");
        return value.length() > longest ? value.substring(0, longest) : value;
    }

    private static String nullIfEmpty(String value) {
        return value.isEmpty() ? null : value;
    }

    private static Optional<MessageState> state(String status) {
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "sent" -> Optional.of(MessageState.SENT);
            case "delivered" -> Optional.of(MessageState.DELIVERED);
            case "read", "played" -> Optional.of(MessageState.READ);
            case "failed" -> Optional.of(MessageState.FAILED);
            default -> Optional.empty();
        };
    }

    /**
     * The item's {@code timestamp}: Unix seconds, written as a string, from 1970 to the end of year 9999 (what both
     * databases store); anything else is not a time a message was sent at.
     */
    private static Optional<Instant> timestamp(JsonNode item) {
        String seconds = item.path("timestamp").asString("");
        try {
            long value = Long.parseLong(seconds);
            return value < 0 || value > LATEST_TIMESTAMP ? Optional.empty() : Optional.of(Instant.ofEpochSecond(value));
        } catch (NumberFormatException notSeconds) {
            return Optional.empty();
        }
    }
}
