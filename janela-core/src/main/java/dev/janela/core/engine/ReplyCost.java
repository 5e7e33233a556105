package dev.janela.core.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * What a free-form reply sent now would cost, and the monthly allowance it would count in: under {@code pmp-2026}, a
 * service message is free while its business number's allowance lasts, and charged after.
 *
 * @param cost what it would be charged, zero when free
 * @param allowance the allowance it would count in, with the number it would have; empty when it counts in none
 */
public record ReplyCost(TemplateCost cost, Optional<AllowanceUse> allowance) {
    public ReplyCost {
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(allowance, "allowance");
    }
}
