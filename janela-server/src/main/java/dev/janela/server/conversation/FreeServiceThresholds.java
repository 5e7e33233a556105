package dev.janela.server.conversation;

import dev.janela.core.engine.AllowanceUse;
import dev.janela.core.meta.Pmp2026Model;

/** When a business's systems hear that a number's free service messages run low: at 80% of them, and at the last. */
final class FreeServiceThresholds {
    private FreeServiceThresholds() {
    }

    /** Whether {@code use} is the service message that reaches 80% of the month's free ones, or the last of them. */
    static boolean reached(AllowanceUse use) {
        long free = use.freeUnits();
        if (!use.key().counter().equals(Pmp2026Model.SERVICE_COUNTER) || free == 0) {
            return false;
        }
        long eightyPercent = (free * 4 + 4) / 5; // 80%, rounded up
        return use.number() == eightyPercent || use.number() == free;
    }
}
