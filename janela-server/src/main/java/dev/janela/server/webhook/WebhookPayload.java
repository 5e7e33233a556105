package dev.janela.server.webhook;

import dev.janela.core.customer.Bsuid;
import dev.janela.core.phone.E164;
import dev.janela.server.conversation.CustomerIds;
import dev.janela.server.conversation.IdentityChange;
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
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

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
     * The items of one {@code phone_number_id}: customers' messages ({@code messages[]}) and calls ({@code calls[]}),
     * each with what {@code contacts[]} says of the customer, the customers' changes of number or BSUID (system
     * messages), delivery reports ({@code statuses[]}, with what the send asked Meta to echo and
     * Meta's pricing), and the items among them that can never be stored.
     */
    record ChannelItems(String phoneNumberId, List<Item<Inbound>> messages, List<Item<IdentityChange>> changes,
            List<Item<StatusReport>> statuses, List<Unstorable> unstorable) {
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

    /** The fields of Meta's webhooks about one channel's customers: their messages, and their calls. */
    private static final List<String> CHANNEL_FIELDS = List.of("messages", "calls");
    /** The system messages that report a customer's new identifiers. */
    private static final List<String> IDENTITY_CHANGES = List.of("user_changed_number", "user_changed_user_id");
    /** The longest username the store keeps; WhatsApp's are far shorter. */
    private static final int LONGEST_USERNAME = 100;

    /** The fields of Meta's template webhooks. */
    private static final List<String> TEMPLATE_FIELDS = List.of("message_template_status_update",
            "template_category_update");

    /**
     * A customer's choice, at Meta, to stop or resume marketing messages ({@code user_preferences}).
     *
     * @param phoneNumberId the channel it came through ({@code metadata.phone_number_id}), empty if not said
     * @param customer the customer's number ({@code wa_id}) or BSUID ({@code user_id}), as Meta wrote it
     * @param stopped whether they stopped marketing messages; false when they resumed them
     * @param detail Meta's words for it ({@code detail}), if it gave some
     * @param at when they chose, if Meta said when
     */
    record PreferenceChange(String wabaId, Optional<String> phoneNumberId, String customer, boolean stopped,
            Optional<String> detail, Optional<Instant> at, JsonNode raw) {
    }

    /**
     * Meta's new messaging limit for a WhatsApp Business Account ({@code business_capability_update}): customers
     * reached by business-initiated templates in a moving 24 hours, empty for unlimited.
     */
    record CapabilityUpdate(String wabaId, OptionalInt messagingLimit) {
    }

    /** Meta's field for the messaging limit: {@code max_daily_conversations_per_business} since v24, else older. */
    private static final List<String> LIMIT_FIELDS = List.of("max_daily_conversations_per_business",
            "max_daily_conversation_per_phone");
    /** The longest detail of an opt-out the store keeps (opt_outs.detail). */
    private static final int LONGEST_DETAIL = 200;

    /**
     * The customers' marketing preferences {@code payload} carries ({@code user_preferences}), read leniently: an
     * item of another category, with another value, or naming no customer is skipped.
     */
    static List<PreferenceChange> preferenceChanges(JsonNode payload) {
        List<PreferenceChange> changes = new ArrayList<>();
        for (JsonNode entry : payload.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                if (!change.path("field").asString("").equals("user_preferences")) {
                    continue;
                }
                JsonNode value = change.path("value");
                Optional<String> phoneNumberId = Optional.of(value.path("metadata").path("phone_number_id")
                        .asString("")).filter(id -> !id.isEmpty() && !hasNul(id));
                for (JsonNode preference : value.path("user_preferences")) {
                    preferenceChange(entry.path("id").asString(""), phoneNumberId, preference, value.path("contacts"))
                            .ifPresent(changes::add);
                }
            }
        }
        changes.sort(Comparator.comparing(change -> change.at().orElse(Instant.EPOCH)));
        return changes;
    }

    private static Optional<PreferenceChange> preferenceChange(String wabaId, Optional<String> phoneNumberId,
            JsonNode preference, JsonNode contacts) {
        String category = preference.path("category").asString("marketing_messages");
        String choice = preference.path("value").asString("").toLowerCase(Locale.ROOT);
        Optional<String> customer = phone(preference.path("wa_id")).or(() -> bsuid(preference.path("user_id")))
                .or(() -> contacts.size() == 1 ? phone(contacts.path(0).path("wa_id"))
                        .or(() -> bsuid(contacts.path(0).path("user_id"))) : Optional.empty());
        if (!category.equals("marketing_messages") || !List.of("stop", "resume").contains(choice)
                || customer.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> detail = Optional.of(text(preference, "detail", LONGEST_DETAIL))
                .filter(words -> !words.isEmpty() && !hasNul(words));
        return Optional.of(new PreferenceChange(wabaId, phoneNumberId, customer.get(), choice.equals("stop"), detail,
                timestamp(preference), preference));
    }

    /**
     * Meta's new messaging limits {@code payload} carries ({@code business_capability_update}): a whole number, or
     * unlimited when the limit's field is not one ({@code "UNLIMITED"}). An update without the limit's field is about
     * another capability, and leaves the limit as it is.
     */
    static List<CapabilityUpdate> capabilityUpdates(JsonNode payload) {
        List<CapabilityUpdate> updates = new ArrayList<>();
        for (JsonNode entry : payload.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                if (change.path("field").asString("").equals("business_capability_update")) {
                    messagingLimit(change.path("value")).ifPresent(limit -> updates.add(new CapabilityUpdate(
                            entry.path("id").asString(""), limit)));
                }
            }
        }
        return updates;
    }

    /** The messaging limit {@code value} gives, if it gives one: a whole number, or (empty) unlimited. */
    private static Optional<OptionalInt> messagingLimit(JsonNode value) {
        for (String field : LIMIT_FIELDS) {
            JsonNode limit = value.path(field);
            if (limit.isNumber()) {
                return Optional.of(limit.canConvertToInt() && limit.asInt() > 0 ? OptionalInt.of(limit.asInt())
                        : OptionalInt.empty());
            }
            if (!limit.isMissingNode()) {
                try {
                    int number = Integer.parseInt(limit.asString("").strip());
                    return Optional.of(number > 0 ? OptionalInt.of(number) : OptionalInt.empty());
                } catch (NumberFormatException unlimited) {
                    return Optional.of(OptionalInt.empty());
                }
            }
        }
        return Optional.empty();
    }

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
                if (CHANNEL_FIELDS.contains(change.path("field").asString(""))) {
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
        Contacts contacts = new Contacts(value.path("contacts"));
        List<Item<Inbound>> messages = new ArrayList<>();
        List<Item<IdentityChange>> changes = new ArrayList<>();
        List<Unstorable> unstorable = new ArrayList<>();
        for (JsonNode message : value.path("messages")) {
            Optional<String> problem = messageProblem(message, contacts);
            if (problem.isPresent()) {
                unstorable.add(new Unstorable("message", message, problem.get()));
            } else if (isIdentityChange(message)) {
                identityChange(message).ifPresentOrElse(change -> changes.add(new Item<>(change, message)),
                        () -> unstorable.add(new Unstorable("message", message, "it reports a change of number or"
                                + " BSUID but names no valid new one")));
            } else {
                messages.add(new Item<>(message(message, contacts), message));
            }
        }
        for (JsonNode call : value.path("calls")) {
            if (!call.path("direction").asString("USER_INITIATED").equals("USER_INITIATED")) {
                continue;
            }
            Optional<String> problem = messageProblem(call, contacts);
            if (problem.isPresent()) {
                unstorable.add(new Unstorable("call", call, problem.get()));
            } else {
                messages.add(new Item<>(call(call, contacts), call));
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
        changes.sort(Comparator.comparing(item -> item.value().at()));
        statuses.sort(Comparator.comparing(item -> item.value().at()));
        return new ChannelItems(phoneNumberId, messages, changes, statuses, unstorable);
    }

    /**
     * What {@code contacts[]} says of each customer (profile name and username), found by phone number or BSUID: a
     * customer without a phone number has only the BSUID.
     */
    private static final class Contacts {
        /** The fields of a contact that name the customer: their number, and their BSUID. */
        private static final List<String> IDENTIFIER_FIELDS = List.of("wa_id", "user_id");

        private final Map<String, JsonNode> byIdentifier = new HashMap<>();

        Contacts(JsonNode contacts) {
            for (JsonNode contact : contacts) {
                for (String field : IDENTIFIER_FIELDS) {
                    String identifier = contact.path(field).asString("");
                    if (!identifier.isEmpty()) {
                        byIdentifier.putIfAbsent(identifier, contact);
                    }
                }
            }
        }

        /** The contact of the sender of {@code item}. */
        JsonNode of(JsonNode item) {
            JsonNode contact = byIdentifier.get(item.path("from").asString(""));
            return contact != null ? contact : byIdentifier.getOrDefault(item.path("from_user_id").asString(""),
                    MissingNode.getInstance());
        }

        Optional<String> name(JsonNode item) {
            return Optional.of(of(item).path("profile").path("name").asString("")).filter(name -> !name.isEmpty());
        }

        Optional<String> username(JsonNode item) {
            return Optional.of(of(item).path("profile").path("username").asString(""))
                    .filter(name -> !name.isEmpty() && name.length() <= LONGEST_USERNAME && !hasNul(name));
        }

        Optional<String> parentUserId(JsonNode item) {
            return bsuid(item.path("from_parent_user_id")).or(() -> bsuid(of(item).path("parent_user_id")));
        }
    }

    /** Why {@code message} can never be stored, if it cannot. */
    private static Optional<String> messageProblem(JsonNode message, Contacts contacts) {
        String wamid = message.path("id").asString("");
        if (wamid.isEmpty() || timestamp(message).isEmpty()) {
            return Optional.of("it has no valid id or timestamp");
        }
        Optional<String> identified = identifierProblem(message);
        if (identified.isPresent()) {
            return identified;
        }
        String type = message.path("type").asString("unknown");
        return idProblem(wamid).or(() -> type.length() > LONGEST_TYPE
                ? Optional.of("its type has " + type.length() + " characters; Janela keeps up to " + LONGEST_TYPE)
                : Optional.empty())
                .or(() -> hasNul(type) || hasNul(text(message)) || hasNul(contacts.name(message).orElse(""))
                        ? Optional.of("it holds a NUL character, which Janela's store cannot keep") : Optional.empty());
    }

    /**
     * Why the customer of {@code item} cannot be told, if it cannot: {@code from} (a phone number) and
     * {@code from_user_id} (a BSUID) may each be absent, not both, and neither may be malformed.
     */
    private static Optional<String> identifierProblem(JsonNode item) {
        JsonNode from = item.path("from");
        JsonNode userId = item.path("from_user_id");
        if (from.isMissingNode() && userId.isMissingNode()) {
            return Optional.of("it names no customer: from and from_user_id are both missing");
        }
        if (!from.isMissingNode() && !E164.parse(from.asString("")).isValid()) {
            return Optional.of("its from is not a phone number");
        }
        if (!userId.isMissingNode() && bsuid(userId).isEmpty()) {
            return Optional.of("its from_user_id is not a business-scoped user ID");
        }
        return Optional.empty();
    }

    /** A valid BSUID in {@code node}, if it holds one. */
    private static Optional<String> bsuid(JsonNode node) {
        return Optional.of(node.asString("")).filter(Bsuid::isValid);
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

    private static Inbound message(JsonNode message, Contacts contacts) {
        Optional<String> text = Optional.of(text(message)).filter(body -> !body.isEmpty());
        return new Inbound(message.path("id").asString(""), customer(message, contacts),
                timestamp(message).orElseThrow(), message.path("type").asString("unknown"), text,
                message.has("referral"), contacts.name(message));
    }

    /** A customer's call, answered or missed: it opens or refreshes the window as a message does. */
    private static Inbound call(JsonNode call, Contacts contacts) {
        return new Inbound(call.path("id").asString(""), customer(call, contacts), timestamp(call).orElseThrow(),
                Inbound.CALL, Optional.empty(), false, contacts.name(call));
    }

    /** Who sent {@code item}, one whose identifiers are valid: as {@code from}, the BSUIDs and the contact say. */
    private static CustomerIds customer(JsonNode item, Contacts contacts) {
        return new CustomerIds(phone(item.path("from")), bsuid(item.path("from_user_id")),
                contacts.parentUserId(item), contacts.username(item));
    }

    /** The digits of the phone number in {@code node}, as {@code contacts[].wa_id} writes them, if it holds one. */
    private static Optional<String> phone(JsonNode node) {
        E164.Parsed parsed = E164.parse(node.asString(""));
        return parsed.isValid() ? Optional.of(Long.toString(parsed.digits())) : Optional.empty();
    }

    private static boolean isIdentityChange(JsonNode message) {
        return message.path("type").asString("").equals(Inbound.SYSTEM)
                && IDENTITY_CHANGES.contains(message.path("system").path("type").asString(""));
    }

    /**
     * A customer's new number ({@code system.wa_id}) or new BSUID ({@code system.user_id}, else the message's
     * {@code from_user_id}); the customer is the one {@code from} and {@code system.previous_user_id} named.
     */
    private static Optional<IdentityChange> identityChange(JsonNode message) {
        JsonNode system = message.path("system");
        String kind = system.path("type").asString("");
        Optional<String> previousUserId = bsuid(system.path("previous_user_id"));
        Optional<String> newUserId = bsuid(system.path("user_id"))
                .or(() -> kind.equals("user_changed_user_id") ? bsuid(message.path("from_user_id")) : Optional.empty())
                .filter(userId -> !Optional.of(userId).equals(previousUserId));
        Optional<String> newPhone = kind.equals("user_changed_number") ? phone(system.path("wa_id")) : Optional.empty();
        Optional<String> newParent = bsuid(system.path("parent_user_id"));
        Optional<String> previousPhone = phone(message.path("from"));
        Optional<String> previousParent = bsuid(system.path("previous_parent_user_id"));
        Optional<String> knownUserId = previousUserId.or(() -> newUserId.isPresent() ? Optional.empty()
                : bsuid(message.path("from_user_id")));
        if (newPhone.isEmpty() && newUserId.isEmpty() && newParent.isEmpty()
                || previousPhone.isEmpty() && knownUserId.isEmpty() && previousParent.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> body = Optional.of(system.path("body").asString("")).filter(text -> !text.isEmpty()
                && !hasNul(text));
        return Optional.of(new IdentityChange(message.path("id").asString(""),
                new CustomerIds(previousPhone, knownUserId, previousParent, Optional.empty()),
                new IdentityChange.Changed(newPhone, newUserId, newParent), timestamp(message).orElseThrow(), kind,
                body));
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
