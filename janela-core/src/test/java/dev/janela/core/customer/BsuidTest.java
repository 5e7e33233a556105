package dev.janela.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BsuidTest {
    /** The format as Meta documents it, written independently of the parser: country, period, opaque identifier. */
    private static final Pattern DOCUMENTED = Pattern.compile("([A-Z]{2})\\.(ENT\\.)?[A-Za-z0-9]{1,128}");
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    /** Characters random candidates are made of: mostly what BSUIDs hold, with what must be refused mixed in. */
    private static final String ALPHABET = "BRDOUSENTXZQbr0123456789..-+ é";

    @ParameterizedTest
    @CsvSource({
        "BR.1502512345678901, BR, false",
        "DO.ENT.8819021733,   DO, true",
        "US.ENT,              US, false",
        "US.13491208655302741918, US, false",
    })
    void documentedExamples_areValid_withTheirCountry(String bsuid, String country, boolean parent) {
        assertThat(Bsuid.problem(bsuid)).isEmpty();
        assertThat(Bsuid.countryOf(bsuid)).isEqualTo(country);
        assertThat(Bsuid.isParent(bsuid)).isEqualTo(parent);
    }

    @Test
    void phoneNumbers_doNotLookLikeOne_andLettersDo() {
        assertThat(Bsuid.looksLikeOne("+5521988887777")).isFalse();
        assertThat(Bsuid.looksLikeOne("5521988887777")).isFalse();
        assertThat(Bsuid.looksLikeOne("")).isFalse();
        assertThat(Bsuid.looksLikeOne("br.15")).isTrue();
    }

    @RepeatedTest(2000)
    void randomCandidates_areValidExactlyWhenTheDocumentedFormatMatches(RepetitionInfo repetition) {
        long seed = 0xB5_0000L + repetition.getCurrentRepetition();
        String candidate = candidate(new SplittableRandom(seed));
        Matcher documented = DOCUMENTED.matcher(candidate);
        boolean valid = documented.matches() && ISO_COUNTRIES.contains(documented.group(1));

        assertThat(Bsuid.isValid(candidate)).as("seed %d: %s", seed, candidate).isEqualTo(valid);
        if (valid) {
            assertThat(Bsuid.countryOf(candidate)).isEqualTo(documented.group(1));
            assertThat(Bsuid.isParent(candidate)).as("seed %d: %s", seed, candidate)
                    .isEqualTo(documented.group(2) != null);
        } else {
            assertThat(Bsuid.problem(candidate)).as("seed %d: %s", seed, candidate).isPresent();
        }
    }

    /** A country (real, invented or malformed), a separator, sometimes ENT., then an identifier of any length. */
    private static String candidate(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        String[] countries = {"BR", "DO", "US", "XZ", "B", "br", "BRA", ""};
        text.append(countries[random.nextInt(countries.length)]);
        text.append(random.nextInt(10) == 0 ? "" : random.nextInt(20) == 0 ? "-" : ".");
        if (random.nextInt(3) == 0) {
            text.append(random.nextInt(4) == 0 ? "ENT" : "ENT.");
        }
        int length = random.nextInt(8) == 0 ? 120 + random.nextInt(20) : random.nextInt(24);
        boolean clean = random.nextBoolean();
        for (int index = 0; index < length; index++) {
            text.append(clean ? (char) ('0' + random.nextInt(10)) : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
