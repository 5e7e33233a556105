package dev.janela.server.template;

import java.util.Locale;
import java.util.Optional;

/** Where a template is in Meta's review. Only approved templates can be sent. */
public enum TemplateStatus {
    PENDING,
    APPROVED,
    REJECTED,
    PAUSED,
    DISABLED;

    /**
     * The status a template has after Meta names {@code status} (in its list) or {@code event} (in its webhook).
     * An appeal is a review again; a template Meta deletes or archives can no longer be sent. Empty for what
     * changes no status: {@code FLAGGED} (still approved, with a date it may be disabled), locks, and names Janela
     * does not know.
     */
    public static Optional<TemplateStatus> fromMeta(String status) {
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "APPROVED", "REINSTATED" -> Optional.of(APPROVED);
            case "PENDING", "IN_APPEAL" -> Optional.of(PENDING);
            case "REJECTED" -> Optional.of(REJECTED);
            case "PAUSED" -> Optional.of(PAUSED);
            case "DISABLED", "PENDING_DELETION", "DELETED", "ARCHIVED" -> Optional.of(DISABLED);
            default -> Optional.empty();
        };
    }
}
