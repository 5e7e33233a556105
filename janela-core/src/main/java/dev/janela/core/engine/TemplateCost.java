package dev.janela.core.engine;

import dev.janela.core.money.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * What a template (or a free-form reply) sent now would cost.
 *
 * @param charged whether it would be charged
 * @param amount the charge, or zero when free; empty when it would be charged but no price is found
 * @param problem why no price was found, when none was
 */
public record TemplateCost(boolean charged, Optional<Money> amount, Optional<String> problem) {
    public TemplateCost {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(problem, "problem");
        if (amount.isPresent() == problem.isPresent()) {
            throw new IllegalArgumentException("a template cost has an amount or a problem, not both or neither");
        }
    }

    static TemplateCost of(Money amount) {
        return new TemplateCost(!amount.isZero(), Optional.of(amount), Optional.empty());
    }

    static TemplateCost unpriced(String problem) {
        return new TemplateCost(true, Optional.empty(), Optional.of(problem));
    }
}
