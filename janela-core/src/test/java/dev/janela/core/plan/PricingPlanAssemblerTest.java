package dev.janela.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.market.MarketBasis;
import dev.janela.core.market.Markets;
import dev.janela.core.meta.MetaSettings;
import dev.janela.core.meta.Pmp2025Model;
import dev.janela.core.plan.PricingPlanAssembler.NamedPeriod;
import dev.janela.core.ratecard.VolumeTiers;
import dev.janela.core.session.SessionModel;
import dev.janela.core.session.SessionSettings;
import dev.janela.core.testfixtures.TestRates;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PricingPlanAssemblerTest {
    private static final String BRAZILIAN_CHANNEL = "+5511999990000";
    /** A Brazilian business writing to a customer in the United States, which Meta prices as North America. */
    private static final ConversationKey TO_THE_US = new ConversationKey(BRAZILIAN_CHANNEL, "+12025550143");
    private static final Instant SWITCH = Instant.parse("2025-07-01T03:00:00Z");

    @Test
    void sessionModel_pricesByTheBusinessesCountry_metaModelsByTheRecipientsRegion() {
        PricingPlan plan = assembler(SessionSettings.DEFAULTS, Optional.empty(), Map.of()).plan(periods());

        Instant before = SWITCH.minusSeconds(1);
        assertThat(plan.at(before).markets().marketOf(TO_THE_US, before)).isEqualTo("BR");
        assertThat(plan.at(SWITCH).markets().marketOf(TO_THE_US, SWITCH)).isEqualTo("North America");
    }

    @Test
    void sessionModel_takesTheBasisOfItsSettingsAndTheChannelsCountries() {
        PricingPlanAssembler byRecipient = assembler(SessionSettings.DEFAULTS.withMarketBasis(MarketBasis.RECIPIENT),
                Optional.empty(), Map.of());
        PricingPlanAssembler registeredInMexico = assembler(SessionSettings.DEFAULTS, Optional.empty(),
                Map.of(BRAZILIAN_CHANNEL, "MX"));

        String recipients = byRecipient.plan(periods()).at(Instant.EPOCH).markets().marketOf(TO_THE_US, Instant.EPOCH);
        String registered = registeredInMexico.plan(periods()).at(Instant.EPOCH).markets()
                .marketOf(TO_THE_US, Instant.EPOCH);

        assertThat(recipients).isEqualTo("US");
        assertThat(registered).isEqualTo("MX");
    }

    @Test
    void aMarketsFile_groupsTheCountriesOfEveryModel() {
        Markets americas = Markets.parse("americas.csv", "market,country\nAmericas,BR\nAmericas,US\n");

        PricingPlan plan = assembler(SessionSettings.DEFAULTS, Optional.of(americas), Map.of()).plan(periods());

        assertThat(plan.at(Instant.EPOCH).markets().marketOf(TO_THE_US, Instant.EPOCH)).isEqualTo("Americas");
        assertThat(plan.at(SWITCH).markets().marketOf(TO_THE_US, SWITCH)).isEqualTo("Americas");
    }

    @Test
    void plan_makesEachPeriodsNamedModel_inTheBillingZone() {
        ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");

        PricingPlan plan = new PricingPlanAssembler(SessionSettings.DEFAULTS, MetaSettings.DEFAULTS, saoPaulo,
                Optional.empty(), Map.of()).plan(periods());

        assertThat(plan.periods()).extracting(period -> period.model().name())
                .containsExactly(SessionModel.NAME, Pmp2025Model.NAME);
        assertThat(plan.zone()).isEqualTo(saoPaulo);
    }

    @Test
    void plan_ofAnUnknownModel_isRefusedNamingTheModels() {
        PricingPlanAssembler plans = assembler(SessionSettings.DEFAULTS, Optional.empty(), Map.of());

        assertThatThrownBy(() -> plans.plan("cbp-2019", TestRates.priceBook(), VolumeTiers.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no pricing model 'cbp-2019'; expected one of session, cbp-2022, cbp-2023, pmp-2025,"
                        + " pmp-2026");
    }

    private static PricingPlanAssembler assembler(SessionSettings settings, Optional<Markets> markets,
            Map<String, String> channelCountries) {
        return new PricingPlanAssembler(settings, MetaSettings.DEFAULTS, ZoneOffset.UTC, markets, channelCountries);
    }

    /** The session model, then pmp-2025 from 1 July 2025. */
    private static List<NamedPeriod> periods() {
        return List.of(new NamedPeriod(Instant.MIN, SessionModel.NAME, TestRates.priceBook(), VolumeTiers.none()),
                new NamedPeriod(SWITCH, Pmp2025Model.NAME, TestRates.priceBook(), VolumeTiers.none()));
    }
}
