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
import tools.jackson.databind.JsonNode;

/**
 * What one delivery of Meta's {@code messages} webhook carries, per channel: customers' messages and delivery
 * reports, each in time order (Meta does not promise any), each with the JSON it came as. An item Janela can never
 * store (it cannot be read, or holds what no column can keep) is set apart with the reason, for quarantine; it does
 * not hold up the rest.
 */
final class WebhookPayload {
    private static final long LATEST_TIMESTAMP = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    /** The longest message id the store keeps (messages.wamid, and the applied events named after it). */
    static final int LONGEST_ID = 255;
    /** The longest message type the store keeps; Meta's are short words ({@code text}, {@code interactive}). */
    static final int LONGEST_TYPE = 20;

    private WebhookPayload() {
    }

    /** What a delivery carries: the items of each channel, and what cannot be told to any. */
    record Contents(List<ChannelItems> channels, List<Unstorable> unattributed) {
    }

    /**
     * The items of one {@code phone_number_id}: customers' messages ({@code messages[]}, with the sender's profile
     * name from {@code contacts[]}), delivery reports ({@code statuses[]}, with what the send asked Meta to echo and
     * Meta's pricing), and the items among them that can never be stored.
     */
    record ChannelItems(String phoneNumberId, List<Item<Inbound>> messages, List<Item<StatusReport>> statuses,
            List<Unstorable> unstorable) {
    }

    /** An item read, and the JSON it came as. */
    record Item<T>(T value, JsonNode raw) {
    }

    /**
     * An item Janela can never store, as it came, and why.
     *
     * @param kind {@code message}, {@code status} or {@code change}
     */
    record Unstorable(String kind, JsonNode raw, String reason) {
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
    static Contents read(JsonNode payload) {
        List<ChannelItems> channels = new ArrayList<>();
        List<Unstorable> unattributed = new ArrayList<>();
        for (JsonNode entry : payload.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                if (change.path("field").asString("").equals("messages")) {
                    JsonNode value = change.path("value");
                    String phoneNumberId = value.path("metadata").path("phone_number_id").asString("");
                    if (phoneNumberId.isEmpty() || hasNul(phoneNumberId)) {
                        unattributed.add(new Unstorable("change", change, "it names no channel:"
                                + " metadata.phone_number_id is missing or unreadable"));
                    } else {
                        channels.add(channelItems(phoneNumberId, value));
                    }
                }
            }
        }
        return new Contents(channels, unattributed);
    }

    private static ChannelItems channelItems(String phoneNumberId, JsonNode value) {
        Map<String, String> names = new HashMap<>();
        for (JsonNode contact : value.path("contacts")) {
            String name = contact.path("profile").path("name").asString("");
            if (!name.isEmpty()) {
                names.put(contact.path("wa_id").asString(""), name);
            }
        }
        List<Item<Inbound>> messages = new ArrayList<>();
        List<Unstorable> unstorable = new ArrayList<>();
        for (JsonNode message : value.path("messages")) {
            Optional<String> problem = messageProblem(message, names);
            if (problem.isPresent()) {
                unstorable.add(new Unstorable("message", message, problem.get()));
            } else {
                messages.add(new Item<>(message(message, names), message));
            }
        }
        List<Item<StatusReport>> statuses = new ArrayList<>();
        for (JsonNode status : value.path("statuses")) {
            Optional<String> problem = statusProblem(status);
            if (problem.isPresent()) {
                unstorable.add(new Unstorable("status", status, problem.get()));
            } else {
                statuses.add(new Item<>(status(status), status));
            }
        }
        messages.sort(Comparator.comparing(item -> item.value().at()));
        statuses.sort(Comparator.comparing(item -> item.value().at()));
        return new ChannelItems(phoneNumberId, messages, statuses, unstorable);
    }

    /** Why {@code message} can never be stored, if it cannot. */
    private static Optional<String> messageProblem(JsonNode message, Map<String, String> names) {
        String wamid = message.path("id").asString("");
        if (wamid.isEmpty() || !E164.parse(message.path("from").asString("")).isValid()
                || timestamp(message).isEmpty()) {
            return Optional.of("it has no valid id, from or timestamp");
        }
        String type = message.path("type").asString("unknown");
        return idProblem(wamid).or(() -> type.length() > LONGEST_TYPE
                ? Optional.of("its type has " + type.length() + " characters; Janela keeps up to " + LONGEST_TYPE)
                : Optional.empty())
                .or(() -> hasNul(type) || hasNul(text(message)) || hasNul(names.getOrDefault(waId(message), ""))
                        ? Optional.of("it holds a NUL character, which Janela's store cannot keep") : Optional.empty());
    }

    /** Why {@code status} can never be stored, if it cannot. */
    private static Optional<String> statusProblem(JsonNode status) {
        String wamid = status.path("id").asString("");
        if (wamid.isEmpty() || state(status.path("status").asString("")).isEmpty() || timestamp(status).isEmpty()) {
            return Optional.of("it has no valid id, status or timestamp");
        }
        return idProblem(wamid).or(() -> hasNul(status.path("biz_opaque_callback_data").asString(""))
                ? Optional.of("it holds a NUL character, which Janela's store cannot keep") : Optional.empty());
    }

    private static Optional<String> idProblem(String wamid) {
        if (wamid.length() > LONGEST_ID) {
            return Optional.of("its id has " + wamid.length() + " characters; Janela keeps up to " + LONGEST_ID);
        }
        return hasNul(wamid) ? Optional.of("its id holds a NUL character") : Optional.empty();
    }

    private static boolean hasNul(String text) {
        return text.indexOf('\u0000') >= 0;
    }

    private static String text(JsonNode message) {
        return message.path("text").path("body").asString("");
    }

    private static Inbound message(JsonNode message, Map<String, String> names) {
        String waId = waId(message);
        Optional<String> text = Optional.of(text(message)).filter(body -> !body.isEmpty());
        return new Inbound(message.path("id").asString(""), waId, timestamp(message).orElseThrow(),
                message.path("type").asString("unknown"), text, message.has("referral"),
                Optional.ofNullable(names.get(waId)));
    }

    /** The sender's number, digits only, as {@code contacts[].wa_id} names it; {@code from} is a valid one. */
    private static String waId(JsonNode message) {
        return Long.toString(E164.parse(message.path("from").asString("")).digits());
    }

    private static StatusReport status(JsonNode status) {
        JsonNode error = status.path("errors").path(0);
        JsonNode code = error.path("code");
        Optional<Integer> errorCode = code.isIntegralNumber() && code.canConvertToInt() ? Optional.of(code.asInt())
                : Optional.empty();
        Optional<String> callbackData = Optional.of(status.path("biz_opaque_callback_data").asString(""))
                .filter(data -> !data.isEmpty());
        return new StatusReport(status.path("id").asString(""), state(status.path("status").asString("")).orElseThrow(),
                timestamp(status).orElseThrow(), errorCode, callbackData, pricing(status.path("pricing")));
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
