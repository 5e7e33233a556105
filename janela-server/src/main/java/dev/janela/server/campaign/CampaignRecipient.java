package dev.janela.server.campaign;

import java.util.List;
import java.util.Optional;

/**
 * One line of a campaign's list.
 *
 * @param line the line of the list it came from (its position, for a list given as JSON)
 * @param recipient the customer's handle, the number's digits or a BSUID; as written, when it is neither
 * @param parameters the template's parameters' values: the header's first, if it has one, then the body's, in order
 * @param state {@code pending}, {@code skipped}, {@code accepted} or {@code failed}
 * @param reason why it was skipped or failed, as {@code kind: detail} ({@code duplicate: of line 4})
 */
public record CampaignRecipient(long id, long campaignId, int line, String recipient, List<String> parameters,
        String state, Optional<String> reason) {
    public static final String PENDING = "pending";
    public static final String SKIPPED = "skipped";
    public static final String ACCEPTED = "accepted";
    public static final String FAILED = "failed";

    public CampaignRecipient {
        parameters = List.copyOf(parameters);
    }
}
