package dev.janela.core.plan;

import dev.janela.core.meta.Cbp2022Model;
import dev.janela.core.meta.Cbp2023Model;
import dev.janela.core.meta.MetaSettings;
import dev.janela.core.meta.Pmp2025Model;
import dev.janela.core.meta.Pmp2026Model;
import dev.janela.core.pricing.PricingModel;
import dev.janela.core.session.SessionModel;
import dev.janela.core.session.SessionSettings;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The pricing models users choose by name, as in {@code replay --model cbp-2023} or a plan's {@code model}. */
public final class PricingModels {
    /** Every model's name, Janela's own first, then Meta's by date. */
    public static final List<String> NAMES =
            List.of(SessionModel.NAME, Cbp2022Model.NAME, Cbp2023Model.NAME, Pmp2025Model.NAME, Pmp2026Model.NAME);

    private PricingModels() {
    }

    /**
     * The model named {@code name}.
     *
     * @param settings the {@code session} model's settings
     * @param meta the settings of Meta's models
     * @param billingZone the account's time zone, in which Meta's dated rules apply
     */
    public static Optional<PricingModel<?>> named(String name, SessionSettings settings, MetaSettings meta,
            ZoneId billingZone) {
        return Optional.ofNullable(switch (name) {
            case SessionModel.NAME -> new SessionModel(settings);
            case Cbp2022Model.NAME -> new Cbp2022Model();
            case Cbp2023Model.NAME -> new Cbp2023Model(billingZone);
            case Pmp2025Model.NAME -> new Pmp2025Model();
            case Pmp2026Model.NAME -> new Pmp2026Model(meta);
            default -> null;
        });
    }
}
