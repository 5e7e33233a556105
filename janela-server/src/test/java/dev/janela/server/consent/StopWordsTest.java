package dev.janela.server.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.TestServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a stop word is, and that an account's words are read once, not for every customer's message. */
@JanelaServerTest
class StopWordsTest {
    @Autowired
    private TestServer server;
    @Autowired
    private StopWords stopWords;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private TestClock clock;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "STOP|STOP", "  stop  |STOP", "Stop!|STOP", "¡Baja!|BAJA", "Párar.|PARAR", "\"sair\"|SAIR",
        "opt   out|OPT OUT", "...|''", "não|NAO", "STOP 2|STOP 2"})
    void normalForm_dropsCaseAccentsAndThePunctuationAround(String text, String normal) {
        assertThat(StopWords.normalForm(text)).isEqualTo(normal);
    }

    @Test
    void match_givesTheWordAsTheAccountWroteIt_andNothingForASentence() {
        Api api = server.newAccount();
        api.patch("/api/settings", Map.of("stop_words", Map.of("fr", List.of("Arrêt"))));

        assertThat(stopWords.match(api.accountId(), "arret!")).contains("Arrêt");
        assertThat(stopWords.match(api.accountId(), "arret maintenant")).isEmpty();
        assertThat(stopWords.match(api.accountId(), "STOP")).isEmpty();
        assertThat(stopWords.match(api.accountId(), "a".repeat(StopWords.LONGEST_TEXT + 1))).isEmpty();
    }

    @Test
    void aWordWithSpacesAndPunctuationAroundIt_isOne_butAMessageLongerThanAnyWordWithThem_isNotRead() {
        Api api = server.newAccount();
        api.patch("/api/settings", Map.of("stop_words", Map.of("pt", List.of("PARAR"))));

        assertThat(stopWords.match(api.accountId(), "   ***  Párar !!!  ***   ")).contains("PARAR");
        assertThat(stopWords.match(api.accountId(), "parar " + ".".repeat(40))).isEmpty();
    }

    @Test
    void match_readsTheAccountsWordsOnce_untilTheyChange_orAMinutePasses() {
        Api api = server.newAccount();
        assertThat(stopWords.match(api.accountId(), "STOP")).contains("STOP");
        // Written behind Janela's back, as another node of a cluster would: this node does not read it yet.
        jdbc.sql("update accounts set stop_words_set = true where id = :account").param("account", api.accountId())
                .update();

        Optional<String> kept = stopWords.match(api.accountId(), "STOP");
        clock.advance(StopWords.KEPT_FOR);
        Optional<String> readAgain = stopWords.match(api.accountId(), "STOP");

        assertThat(kept).contains("STOP");
        assertThat(readAgain).isEmpty();
    }
}
