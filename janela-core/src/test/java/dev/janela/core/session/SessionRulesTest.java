package dev.janela.core.session;

import static dev.janela.core.testfixtures.TestEvents.CONVERSATION;
import static dev.janela.core.testfixtures.TestEvents.DAY;
import static dev.janela.core.testfixtures.TestEvents.T0;
import static dev.janela.core.testfixtures.TestEvents.customer;
import static dev.janela.core.testfixtures.TestEvents.failedTemplate;
import static dev.janela.core.testfixtures.TestEvents.failedText;
import static dev.janela.core.testfixtures.TestEvents.hours;
import static dev.janela.core.testfixtures.TestEvents.template;
import static dev.janela.core.testfixtures.TestEvents.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.conversation.CustomerMessage;
import dev.janela.core.engine.ConversationEngine;
import dev.janela.core.engine.ConversationState;
import dev.janela.core.engine.Decision;
import dev.janela.core.engine.Outcome;
import dev.janela.core.ledger.Charge;
import dev.janela.core.ledger.ChargeKind;
import dev.janela.core.market.MarketBasis;
import dev.janela.core.market.Markets;
import dev.janela.core.pricing.Category;
import dev.janela.core.pricing.MonthlyUsage;
import dev.janela.core.replay.EventSource;
import dev.janela.core.replay.Replay;
import dev.janela.core.replay.ReplayListener;
import dev.janela.core.replay.ReplayResult;
import dev.janela.core.testfixtures.ConversationScript;
import dev.janela.core.testfixtures.TestEngines;
import dev.janela.core.testfixtures.TestRates;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Janela's session rules R1-R12, one test (or more) per rule, named after it. */
class SessionRulesTest {
    private final ConversationScript conversation = ConversationScript.brazil();

    @Test
    void r1_customerMessageWithNoSession_startsUserInitiatedSessionCharged() {
        Decision decision = conversation.play(customer("in1", T0));

        assertThat(decision.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(conversation.session().type()).isEqualTo(SessionType.USER_INITIATED);
        assertThat(conversation.session().status()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(conversation.state().windowExpiresAt()).contains(T0.plus(DAY));
        assertCharges(conversation.ledger(), "in1:user_initiated:0.03");
        Charge charge = conversation.ledger().get(0);
        assertThat(charge.market()).isEqualTo("BR");
        assertThat(charge.rateCardVersion()).isEqualTo("rates.csv");
        assertThat(charge.kind()).isEqualTo(ChargeKind.CHARGE);
    }

    @Test
    void r1_customerMessageAfterSessionEnded_startsNewChargedSession() {
        conversation.play(customer("in1", T0), customer("in2", hours(30)));

        assertCharges(conversation.ledger(), "in1:user_initiated:0.03", "in2:user_initiated:0.03");
        assertThat(conversation.state().windowExpiresAt()).contains(hours(54));
    }

    @Test
    void r2_customerMessageInOpenWindow_renewsWindowWithoutCharge() {
        conversation.play(customer("in1", T0), customer("in2", hours(10)));

        assertCharges(conversation.ledger(), "in1:user_initiated:0.03");
        assertThat(conversation.state().windowExpiresAt()).contains(hours(34));
        assertThat(conversation.session().openedBy()).isEqualTo("in1");
    }

    @Test
    void r2_renewal_neverShortensTheWindow() {
        conversation.play(customer("in1", T0), customer("in2", hours(10)));

        conversation.play(customer("late", hours(5)));

        assertThat(conversation.state().windowExpiresAt()).contains(hours(34));
        assertCharges(conversation.ledger(), "in1:user_initiated:0.03");
    }

    @Test
    void r3_customerReplyWithinGrace_activatesPendingSessionWithoutCharge() {
        conversation.play(template("t1", T0));

        conversation.play(customer("in1", hours(23)));

        assertThat(conversation.session().type()).isEqualTo(SessionType.BUSINESS_INITIATED);
        assertThat(conversation.session().status()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(conversation.state().windowExpiresAt()).contains(hours(47));
        assertCharges(conversation.ledger(), "t1:business_initiated:0.05");
    }

    @Test
    void r4_customerReplyAfterGrace_endsPendingSessionAndStartsUserInitiatedCharged() {
        conversation.play(template("t1", T0));

        conversation.play(customer("in1", hours(25)));

        assertThat(conversation.session().type()).isEqualTo(SessionType.USER_INITIATED);
        assertThat(conversation.session().openedBy()).isEqualTo("in1");
        assertCharges(conversation.ledger(), "t1:business_initiated:0.05", "in1:user_initiated:0.03");
    }

    @Test
    void r4_pendingSessionPastGrace_showsAsEnded() {
        conversation.play(template("t1", T0));
        Session pending = conversation.session();

        assertThat(conversation.model().statusAt(pending, hours(23), false)).isEqualTo(SessionStatus.PENDING);
        assertThat(conversation.model().statusAt(pending, hours(24), false)).isEqualTo(SessionStatus.ENDED);
    }

    @Test
    void r5_templateInOpenWindow_isSentInsideTheSessionFree() {
        conversation.play(customer("in1", T0));

        Decision decision = conversation.play(template("t1", hours(2)));

        assertThat(decision.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(decision.charge()).isEmpty();
        assertThat(conversation.session().openedBy()).isEqualTo("in1");
        assertCharges(conversation.ledger(), "in1:user_initiated:0.03");
    }

    @Test
    void r6_templateWithNoSession_startsPendingBusinessInitiatedSessionCharged() {
        Decision decision = conversation.play(template("t1", T0));

        assertThat(decision.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(conversation.session().type()).isEqualTo(SessionType.BUSINESS_INITIATED);
        assertThat(conversation.session().status()).isEqualTo(SessionStatus.PENDING);
        assertThat(conversation.state().isWindowOpenAt(T0)).isFalse();
        assertCharges(conversation.ledger(), "t1:business_initiated:0.05");
    }

    @Test
    void r6_templateAfterWindowExpired_startsNewBusinessInitiatedSessionCharged() {
        conversation.play(customer("in1", T0), template("t1", hours(24)));

        assertCharges(conversation.ledger(), "in1:user_initiated:0.03", "t1:business_initiated:0.05");
        assertThat(conversation.session().status()).isEqualTo(SessionStatus.PENDING);
    }

    @Test
    void r6_newTemplateBeforeCustomerResponds_isChargedAgain() {
        conversation.play(template("t1", T0), template("t2", hours(12)));

        assertCharges(conversation.ledger(), "t1:business_initiated:0.05", "t2:business_initiated:0.05");
        assertThat(conversation.session().openedBy()).isEqualTo("t2");
    }

    @Test
    void r6_replyGrace_countsFromTheLatestTemplate() {
        conversation.play(template("t1", T0), template("t2", hours(12)));

        conversation.play(customer("in1", hours(30)));

        assertThat(conversation.session().status()).isEqualTo(SessionStatus.ACTIVE);
        assertCharges(conversation.ledger(), "t1:business_initiated:0.05", "t2:business_initiated:0.05");
    }

    @Test
    void r7_freeFormInOpenWindow_isSentFree() {
        conversation.play(customer("in1", T0));

        Decision decision = conversation.play(text("out1", hours(23.9)));

        assertThat(decision.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(decision.charge()).isEmpty();
        assertThat(conversation.state().windowExpiresAt()).contains(T0.plus(DAY));
    }

    @Test
    void r8_freeFormWithNoWindow_isRefusedWith131047AndChangesNothing() {
        ConversationState before = conversation.state();

        Decision decision = conversation.play(text("out1", T0));

        assertThat(decision.outcome()).isEqualTo(Outcome.REFUSED_OUTSIDE_WINDOW);
        assertThat(Outcome.REENGAGEMENT_ERROR_CODE).isEqualTo(131047);
        assertThat(decision.charge()).isEmpty();
        assertThat(decision.next()).isSameAs(before);
    }

    @Test
    void r8_freeFormWhilePending_isRefused() {
        conversation.play(template("t1", T0));
        ConversationState pending = conversation.state();

        Decision decision = conversation.play(text("out1", hours(1)));

        assertThat(decision.outcome()).isEqualTo(Outcome.REFUSED_OUTSIDE_WINDOW);
        assertThat(decision.next()).isSameAs(pending);
        assertCharges(conversation.ledger(), "t1:business_initiated:0.05");
    }

    @Test
    void r8_refusalBeforeSending_winsOverAFailedStatus() {
        Decision decision = conversation.play(failedText("out1", T0));

        assertThat(decision.outcome()).isEqualTo(Outcome.REFUSED_OUTSIDE_WINDOW);
    }

    /** R9 at the edge of the window: one millisecond before 24 hours, exactly at, and after. */
    @ParameterizedTest(name = "free-form {0} ms from the 24h mark: {1}")
    @CsvSource({"-1, ACCEPTED", "0, REFUSED_OUTSIDE_WINDOW", "1, REFUSED_OUTSIDE_WINDOW"})
    void r9_windowEdge_freeForm(long millisFromEdge, Outcome expected) {
        conversation.play(customer("in1", T0));

        Decision decision = conversation.play(text("out1", T0.plus(DAY).plusMillis(millisFromEdge)));

        assertThat(decision.outcome()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "customer message {0} ms from the 24h mark: charges {1}")
    @CsvSource({"-1, 1", "0, 2", "1, 2"})
    void r9_windowEdge_customerMessage(long millisFromEdge, int expectedCharges) {
        conversation.play(customer("in1", T0));

        conversation.play(customer("in2", T0.plus(DAY).plusMillis(millisFromEdge)));

        assertThat(conversation.ledger()).hasSize(expectedCharges);
    }

    @ParameterizedTest(name = "template {0} ms from the 24h mark: charges {1}")
    @CsvSource({"-1, 1", "0, 2", "1, 2"})
    void r9_windowEdge_template(long millisFromEdge, int expectedCharges) {
        conversation.play(customer("in1", T0));

        conversation.play(template("t1", T0.plus(DAY).plusMillis(millisFromEdge)));

        assertThat(conversation.ledger()).hasSize(expectedCharges);
    }

    /** R3/R4 at the edge of the reply grace: one millisecond before 24 hours, exactly at, and after. */
    @ParameterizedTest(name = "reply {0} ms from the grace's end: {1}")
    @CsvSource({"-1, BUSINESS_INITIATED, 1", "0, USER_INITIATED, 2", "1, USER_INITIATED, 2"})
    void r9_replyGraceEdge(long millisFromEdge, SessionType expectedType, int expectedCharges) {
        conversation.play(template("t1", T0));

        conversation.play(customer("in1", T0.plus(DAY).plusMillis(millisFromEdge)));

        assertThat(conversation.session().type()).isEqualTo(expectedType);
        assertThat(conversation.session().status()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(conversation.ledger()).hasSize(expectedCharges);
    }

    @Test
    void r9_activeSessionWhoseWindowClosed_isEnded() {
        conversation.play(customer("in1", T0));
        Session session = conversation.session();

        assertThat(conversation.model().statusAt(session, hours(23), conversation.state().isWindowOpenAt(hours(23))))
                .isEqualTo(SessionStatus.ACTIVE);
        assertThat(conversation.model().statusAt(session, hours(24), conversation.state().isWindowOpenAt(hours(24))))
                .isEqualTo(SessionStatus.ENDED);
    }

    @Test
    void r9_windowsComeFromEventTimes_notFromWhenALateEventIsProcessed() {
        Instant lateTimestamp = T0.minus(Duration.ofDays(3));

        conversation.play(customer("late", lateTimestamp));

        assertThat(conversation.state().windowExpiresAt()).contains(lateTimestamp.plus(DAY));
        assertThat(conversation.ledger().get(0).at()).isEqualTo(lateTimestamp);
    }

    @Test
    void r9_settings_windowLengthAndReplyGraceAreConfigurable() {
        SessionSettings settings = SessionSettings.DEFAULTS.withWindowLength(Duration.ofHours(1))
                .withReplyGrace(Duration.ofHours(2));
        ConversationScript shortWindows = new ConversationScript(settings);

        shortWindows.play(customer("in1", T0), text("out1", hours(1)), template("t1", hours(1.5)),
                customer("in2", hours(3.4)));

        assertCharges(shortWindows.ledger(), "in1:user_initiated:0.03", "t1:business_initiated:0.05");
        assertThat(shortWindows.state().windowExpiresAt()).contains(hours(4.4));
    }

    @Test
    void r9_defaults_areTheDocumentedOnes() {
        assertThat(SessionSettings.DEFAULTS.windowLength()).isEqualTo(Duration.ofHours(24));
        assertThat(SessionSettings.DEFAULTS.replyGrace()).isEqualTo(Duration.ofHours(24));
        assertThat(SessionSettings.DEFAULTS.marketBasis()).isEqualTo(MarketBasis.BUSINESS);
    }

    @Test
    void r10_market_isTheBusinessCountryByDefault() {
        ConversationKey brazilToMexico = new ConversationKey("+5511999990000", "+5215598765432");

        Charge charge = chargeOfFirstMessage(brazilToMexico, MarketBasis.BUSINESS, Markets.none());

        assertThat(charge.market()).isEqualTo("BR");
        assertThat(charge.amount().toBigDecimal()).isEqualByComparingTo("0.03");
    }

    @Test
    void r10_marketByRecipient_isTheCustomerCountry() {
        ConversationKey brazilToMexico = new ConversationKey("+5511999990000", "+5215598765432");

        Charge charge = chargeOfFirstMessage(brazilToMexico, MarketBasis.RECIPIENT, Markets.none());

        assertThat(charge.market()).isEqualTo("MX");
        assertThat(charge.amount().toBigDecimal()).isEqualByComparingTo("0.0085");
    }

    @Test
    void r10_regionOfAMarketsFile_isTheMarket_andItsPriceComesFromTheStarRowIfNeeded() {
        ConversationKey toDominicanRepublic = new ConversationKey("+5511999990000", "+18095551234");

        Charge charge = chargeOfFirstMessage(toDominicanRepublic, MarketBasis.RECIPIENT, Markets.metaRegions());

        assertThat(charge.market()).isEqualTo("Rest of Latin America");
        assertThat(charge.amount().toBigDecimal()).isEqualByComparingTo("0.0100");
    }

    @Test
    void r11_sendReportedFailed_isNeverChargedAndOpensNothing() {
        ConversationState before = conversation.state();

        Decision decision = conversation.play(failedTemplate("t1", T0));

        assertThat(decision.outcome()).isEqualTo(Outcome.NOT_DELIVERED);
        assertThat(decision.next()).isSameAs(before);
        assertThat(conversation.ledger()).isEmpty();
    }

    @Test
    void r11_acceptedSendLaterFailed_reversesItsChargeWithANegativeRowAndEndsItsSession() {
        conversation.play(template("t1", T0));

        Decision decision = conversation.fail("t1", hours(1));

        assertThat(decision.outcome()).isEqualTo(Outcome.NOT_DELIVERED);
        assertCharges(conversation.ledger(), "t1:business_initiated:0.05", "t1:business_initiated:-0.05");
        Charge reversal = conversation.ledger().get(1);
        assertThat(reversal.kind()).isEqualTo(ChargeKind.REVERSAL);
        assertThat(reversal.cause()).isEqualTo("t1:reversal");
        assertThat(reversal.at()).isEqualTo(hours(1));
        assertThat(conversation.session().status()).isEqualTo(SessionStatus.ENDED);
    }

    @Test
    void r11_afterItsSessionEndedByAFailure_theCustomersReplyStartsANewChargedSession() {
        conversation.play(template("t1", T0));
        conversation.fail("t1", hours(1));

        conversation.play(customer("in1", hours(2)));

        assertThat(conversation.session().type()).isEqualTo(SessionType.USER_INITIATED);
        assertThat(conversation.ledger()).extracting(Charge::cause)
                .containsExactly("t1:charge", "t1:reversal", "in1:charge");
    }

    @Test
    void r11_failureOfAMessageThatOpenedNothing_leavesTheSessionAsItIs() {
        conversation.play(customer("in1", T0), template("t1", hours(1)));
        ConversationState before = conversation.state();

        Decision decision = conversation.fail("t1", hours(2));

        assertThat(decision.charge()).isEmpty();
        assertThat(decision.next()).isEqualTo(before);
    }

    @Test
    void r12_eventWithAnIdAlreadySeen_changesNothing() {
        String line = "{\"id\":\"m1\",\"at\":\"2026-03-02T10:00:00Z\",\"channel\":\"+5511999990000\","
                + "\"customer\":\"+5521988887777\",\"direction\":\"in\",\"type\":\"text\"}\n";
        String repeatedLaterWithOtherContent = "{\"id\":\"m1\",\"at\":\"2026-03-05T10:00:00Z\","
                + "\"channel\":\"+5511999990000\",\"customer\":\"+5521988887777\",\"direction\":\"in\","
                + "\"type\":\"text\"}\n";

        ReplayResult once = replay(line);
        ReplayResult twice = replay(line + repeatedLaterWithOtherContent);

        assertThat(twice.duplicates()).isEqualTo(1);
        assertThat(twice.events()).isEqualTo(once.events());
        assertThat(twice.charges()).isEqualTo(once.charges());
        assertThat(twice.total()).isEqualTo(once.total());
    }

    private static Charge chargeOfFirstMessage(ConversationKey key, MarketBasis basis, Markets markets) {
        ConversationEngine engine = TestEngines.session(SessionSettings.DEFAULTS.withMarketBasis(basis),
                TestRates.priceBook(), markets);
        return engine.decide(engine.initialState(), new CustomerMessage("in1", T0, key, false), new MonthlyUsage())
                .charge().orElseThrow();
    }

    private static ReplayResult replay(String log) {
        return new Replay(TestEngines.replay(TestRates.priceBook(), false, 2))
                .run(EventSource.of("log", log.getBytes(StandardCharsets.UTF_8)), charge -> { }, ReplayListener.NONE);
    }

    /** Asserts the ledger's rows as {@code id:category:amount}, in order. */
    private static void assertCharges(List<Charge> ledger, String... expected) {
        assertThat(ledger).extracting(charge -> charge.eventId() + ":" + charge.category().wireName() + ":"
                + charge.amount().toBigDecimal().stripTrailingZeros().toPlainString())
                .containsExactly(expected);
        assertThat(ledger).allSatisfy(charge -> assertThat(charge.conversation()).isEqualTo(CONVERSATION));
        assertThat(ledger).extracting(Charge::category)
                .allMatch(category -> category == Category.USER_INITIATED || category == Category.BUSINESS_INITIATED);
        assertThat(ledger).extracting(charge -> charge.amount().toBigDecimal().abs())
                .allMatch(amount -> amount.compareTo(BigDecimal.ZERO) > 0);
    }
}
