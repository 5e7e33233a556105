package dev.janela.core.ledger;

import java.util.Locale;

/** Why a ledger row exists. Together with the event id it is the row's cause, which is unique in a ledger. */
public enum ChargeKind {
    /** The event started something billable (a session). */
    CHARGE,
    /** A message charged earlier was reported as failed: this row cancels its charge. */
    REVERSAL;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in files and APIs. */
    public String wireName() {
        return wireName;
    }
}
