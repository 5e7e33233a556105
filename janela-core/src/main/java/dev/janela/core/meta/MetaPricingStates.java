package dev.janela.core.meta;

import dev.janela.core.pricing.Category;
import dev.janela.core.pricing.PricingState;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Meta's models remember of a conversation, as one line of text a store keeps and reads back:
 * {@code cbp-2023;arrived=2025-03-01T10:00:00Z;marketing=2025-03-02T09:00:00Z@wamid.1}. Message ids are
 * URL-encoded, so they never hold the separators.
 */
public final class MetaPricingStates {
    private static final String ARRIVED = "arrived";
    private static final String ENTRY_POINT = "entry_point";
    private static final String UTILITY_UNTIL = "utility_until";

    private MetaPricingStates() {
    }

    /** {@code state} as text, if it is a state of one of Meta's models. */
    public static Optional<String> encode(PricingState state) {
        List<String> fields = new ArrayList<>();
        Instant arrivedAt;
        if (state instanceof Cbp2022Model.State cbp) {
            fields.add(Cbp2022Model.NAME);
            arrivedAt = cbp.arrivedAt();
            if (cbp.open() != null) {
                fields.add("open=" + conversation(cbp.open()));
            }
        } else if (state instanceof Cbp2023Model.State cbp) {
            fields.add(Cbp2023Model.NAME);
            arrivedAt = cbp.arrivedAt();
            for (Category category : Category.values()) {
                OpenConversation open = cbp.get(category);
                if (open != null) {
                    fields.add(category.wireName() + "=" + conversation(open));
                }
            }
        } else if (state instanceof Pmp2025Model.State pmp) {
            fields.add(Pmp2025Model.NAME);
            arrivedAt = pmp.arrivedAt();
            if (pmp.entryPoint() != null) {
                fields.add(ENTRY_POINT + "=" + conversation(pmp.entryPoint()));
            }
            if (pmp.utilityConversationUntil() != null) {
                fields.add(UTILITY_UNTIL + "=" + pmp.utilityConversationUntil());
            }
        } else {
            return Optional.empty();
        }
        if (arrivedAt != null) {
            fields.add(1, ARRIVED + "=" + arrivedAt);
        }
        return Optional.of(String.join(";", fields));
    }

    /**
     * The state {@code text} holds.
     *
     * @throws IllegalArgumentException if it is not what {@link #encode} makes
     */
    public static PricingState decode(String text) {
        String[] fields = text.split(";", -1);
        Instant arrivedAt = null;
        Map<String, String> values = new LinkedHashMap<>();
        for (int index = 1; index < fields.length; index++) {
            int equals = fields[index].indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("not a pricing state: " + text);
            }
            String key = fields[index].substring(0, equals);
            String value = fields[index].substring(equals + 1);
            if (key.equals(ARRIVED)) {
                arrivedAt = instant(value, text);
            } else {
                values.put(key, value);
            }
        }
        return switch (fields[0]) {
            case Cbp2022Model.NAME -> new Cbp2022Model.State(
                    values.containsKey("open") ? conversation(values.get("open"), text) : null, arrivedAt);
            case Cbp2023Model.NAME -> {
                Map<Category, OpenConversation> open = new EnumMap<>(Category.class);
                for (Map.Entry<String, String> entry : values.entrySet()) {
                    Category category = Category.fromWireName(entry.getKey()).orElseThrow(
                            () -> new IllegalArgumentException("not a pricing state: " + text));
                    open.put(category, conversation(entry.getValue(), text));
                }
                yield new Cbp2023Model.State(open, arrivedAt);
            }
            case Pmp2025Model.NAME -> new Pmp2025Model.State(
                    values.containsKey(ENTRY_POINT) ? conversation(values.get(ENTRY_POINT), text) : null,
                    arrivedAt,
                    values.containsKey(UTILITY_UNTIL) ? instant(values.get(UTILITY_UNTIL), text) : null);
            default -> throw new IllegalArgumentException("not a pricing state: " + text);
        };
    }

    private static String conversation(OpenConversation open) {
        return open.expiresAt() + "@" + escape(open.openedBy());
    }

    private static OpenConversation conversation(String text, String whole) {
        int at = text.indexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("not a pricing state: " + whole);
        }
        return new OpenConversation(instant(text.substring(0, at), whole), unescape(text.substring(at + 1), whole));
    }

    private static Instant instant(String text, String whole) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a pricing state: " + whole, e);
        }
    }

    private static String escape(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private static String unescape(String text, String whole) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a pricing state: " + whole, e);
        }
    }
}
