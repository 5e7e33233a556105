package dev.janela.server.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.testfixtures.AllAtOnce;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.FormClient;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sign-in form limits guessing: an address that failed too often waits, whatever the password, growing longer
 * each time; an account whose addresses fail too often waits too. Each attempt comes from a new browser, as a
 * guesser's would.
 */
@JanelaServerTest
class SignInLimitsTest {
    private static final String PASSWORD = "correct horse battery";
    private static final String WRONG = "not the password";
    private static final String SIGNED_IN = "/";
    private static final String FAILED = "/sign-in?failed";

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;

    private Api admin;

    @BeforeEach
    void account() {
        admin = server.newAccount();
    }

    @Test
    void fiveWrongPasswords_pauseTheAddress_andTheSixthAttemptIsRefused_evenWithTheRightPassword() {
        String address = user();

        List<String> wrong = attempts(address, WRONG, 5);
        String right = signIn(address, PASSWORD);

        assertThat(wrong).containsOnly(FAILED);
        assertThat(right).isEqualTo("/sign-in?paused=5");
    }

    @Test
    void thePause_endsAsTheClockMoves() {
        String address = user();
        attempts(address, WRONG, 5);
        clock.advance(Duration.ofMinutes(4));
        assertThat(signIn(address, PASSWORD)).isEqualTo("/sign-in?paused=1");

        clock.advance(Duration.ofMinutes(1));

        assertThat(signIn(address, PASSWORD)).isEqualTo(SIGNED_IN);
    }

    @Test
    void pausesInARow_growLonger() {
        String address = user();
        attempts(address, WRONG, 5);
        clock.advance(Duration.ofMinutes(5));

        List<String> again = attempts(address, WRONG, 6);

        assertThat(again.subList(0, 5)).containsOnly(FAILED);
        assertThat(again.get(5)).isEqualTo("/sign-in?paused=10");
    }

    @Test
    void failuresSpreadOverMoreThanTheWindow_pauseNothing() {
        String address = user();
        attempts(address, WRONG, 4);
        clock.advance(Duration.ofMinutes(16));

        List<String> later = attempts(address, WRONG, 4);

        assertThat(later).containsOnly(FAILED);
        assertThat(signIn(address, PASSWORD)).isEqualTo(SIGNED_IN);
    }

    @Test
    void aSuccess_clearsTheAddressesFailures() {
        String address = user();
        attempts(address, WRONG, 4);
        assertThat(signIn(address, PASSWORD)).isEqualTo(SIGNED_IN);

        List<String> after = attempts(address, WRONG, 5);

        assertThat(after).containsOnly(FAILED);
        assertThat(signIn(address, PASSWORD)).isEqualTo("/sign-in?paused=5");
    }

    @Test
    void anAddressNoUserHas_isPausedAlike() {
        String nobody = "nobody." + UUID.randomUUID() + "@example.com";

        List<String> answers = attempts(nobody, WRONG, 6);

        assertThat(answers.subList(0, 5)).containsOnly(FAILED);
        assertThat(answers.get(5)).isEqualTo("/sign-in?paused=5");
    }

    @Test
    void anAddressWrittenOtherwise_isTheSameAddress() {
        String address = user();
        attempts(address, WRONG, 5);

        assertThat(signIn("  " + address.toUpperCase(Locale.ROOT) + " ", PASSWORD))
                .isEqualTo("/sign-in?paused=5");
    }

    @Test
    void aBurstOfAttemptsAtOnce_checksNoMorePasswordsThanTheLimit() throws Exception {
        String address = user();

        List<String> answers = AllAtOnce.run(10, () -> signIn(address, WRONG));

        assertThat(answers).filteredOn(FAILED::equals).hasSize(5);
        assertThat(answers).filteredOn(answer -> answer.startsWith("/sign-in?paused=")).hasSize(5);
    }

    @Test
    void manyAddressesOfOneAccountFailing_pauseTheAccount_butNotAnother() {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            addresses.add(user());
        }
        String untried = user();
        Api other = server.newAccount();
        String elsewhere = "elsewhere." + UUID.randomUUID() + "@example.com";
        other.addUser(elsewhere, "agent", PASSWORD);
        for (String address : addresses) {
            assertThat(attempts(address, WRONG, 4)).as("under the address's limit").containsOnly(FAILED);
        }

        String paused = signIn(untried, PASSWORD);
        String unaffected = signIn(elsewhere, PASSWORD);
        clock.advance(Duration.ofMinutes(15));
        String later = signIn(untried, PASSWORD);

        assertThat(paused).as("answered as a wrong password, so that it tells no address exists").isEqualTo(FAILED);
        assertThat(unaffected).isEqualTo(SIGNED_IN);
        assertThat(later).isEqualTo(SIGNED_IN);
    }

    private String user() {
        String address = "limits." + UUID.randomUUID() + "@example.com";
        admin.addUser(address, "agent", PASSWORD);
        return address;
    }

    private List<String> attempts(String address, String password, int times) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            answers.add(signIn(address, password));
        }
        return answers;
    }

    /** Signs in through the form from a new browser, as a guesser would; returns where the answer leads. */
    private String signIn(String address, String password) {
        return new FormClient(admin.base()).signIn(address, password);
    }
}
