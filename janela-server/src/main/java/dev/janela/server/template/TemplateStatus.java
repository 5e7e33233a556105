package dev.janela.server.template;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a template is in Meta's review, and where it may go from there. Only approved templates can be sent. A
 * pending template is reviewed (approved or rejected); an approved one may be paused for its quality and resumed;
 * either may be disabled for good. A template is edited, and submitted to Meta, only while it is not approved.
 */
public enum TemplateStatus {
    PENDING,
    APPROVED,
    REJECTED,
    PAUSED,
    DISABLED;

    /** Whether it awaits a review: once reviewed, it is reviewed again only after an edit puts it back. */
    public boolean awaitsReview() {
        return this == PENDING;
    }

    /** Whether it may be submitted to Meta's review: it is pending, or was rejected and may be tried again. */
    public boolean maySubmit() {
        return this == PENDING || this == REJECTED;
    }

    /** Whether it may be edited: not while approved (Meta's rule) nor once disabled. */
    public boolean isEditable() {
        return this == PENDING || this == REJECTED || this == PAUSED;
    }

    /** Whether it may be paused ({@code PAUSED}), resumed ({@code APPROVED}) or disabled from here. */
    public boolean mayMoveTo(TemplateStatus next) {
        return switch (next) {
            case PAUSED -> this == APPROVED;
            case APPROVED -> this == PAUSED;
            case DISABLED -> this == APPROVED || this == PAUSED;
            case PENDING, REJECTED -> false;
        };
    }

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
