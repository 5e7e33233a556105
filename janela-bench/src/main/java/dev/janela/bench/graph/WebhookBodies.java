package dev.janela.bench.graph;

/**
 * The bodies of Meta's WhatsApp webhook deliveries, as the load tools and the crash suite post them: one change of
 * the {@code messages} field for one business number, carrying customers' text messages or a message's status.
 */
public final class WebhookBodies {
    private WebhookBodies() {
    }

    /** A delivery to the business number {@code phoneNumberId} of one customer's text message. */
    public static String textMessage(String phoneNumberId, String wamid, String waId, String profileName,
            long epochSecond, String text) {
        return delivery(phoneNumberId, "\"contacts\":[" + contact(waId, profileName) + "],\"messages\":["
                + text(wamid, waId, epochSecond, text) + "]");
    }

    /**
     * A delivery to the business number {@code phoneNumberId} whose change's value holds {@code fields} (JSON
     * members, comma-separated) after the number's metadata.
     */
    public static String delivery(String phoneNumberId, String fields) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":"
                + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\""
                + phoneNumberId + "\"}," + fields + "}}]}]}";
    }

    /** An item of a delivery's {@code contacts}: the customer {@code waId} and the name their profile shows. */
    public static String contact(String waId, String profileName) {
        return "{\"profile\":{\"name\":\"" + profileName + "\"},\"wa_id\":\"" + waId + "\"}";
    }

    /** An item of a delivery's {@code messages}: a text message from the customer {@code from}. */
    public static String text(String wamid, String from, long epochSecond, String text) {
        return "{\"from\":\"" + from + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + epochSecond
                + "\",\"type\":\"text\",\"text\":{\"body\":\"" + text + "\"}}";
    }
}
