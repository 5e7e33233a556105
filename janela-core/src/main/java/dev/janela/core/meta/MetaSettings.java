package dev.janela.core.meta;

/**
 * What Meta's models take from the account, where Meta's pages leave a figure uncertain.
 *
 * @param freeServiceMessages how many service messages each business number sends free in a calendar month under
 *     {@code pmp-2026}
 */
public record MetaSettings(long freeServiceMessages) {
    /** Meta's figures as integrators reported them: 1,000 free service messages a number and month. */
    public static final MetaSettings DEFAULTS = new MetaSettings(Pmp2026Model.DEFAULT_FREE_SERVICE_MESSAGES);

    public MetaSettings {
        if (freeServiceMessages < 0) {
            throw new IllegalArgumentException("the free service messages of a month must not be negative, were "
                    + freeServiceMessages);
        }
    }
}
