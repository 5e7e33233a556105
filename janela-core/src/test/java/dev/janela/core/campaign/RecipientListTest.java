package dev.janela.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.janela.core.ErrorCode;
import dev.janela.core.FileFormatException;
import dev.janela.core.template.TemplateBody;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class RecipientListTest {
    private static final RecipientList.Columns NUMBERED = RecipientList.Columns.of(Optional.empty(),
            TemplateBody.parse("Hello {{1}}, your order {{2}} is ready."));
    private static final RecipientList.Columns NAMED_WITH_HEADER = RecipientList.Columns.of(
            Optional.of(TemplateBody.parseHeader("Sale for {{city}}")),
            TemplateBody.parse("Hi {{first_name}}, see you soon."));

    @Nested
    class Columns {
        @Test
        void aTemplatesColumns_areRecipientThenHeaderThenBody_asTheTemplateNamesThem() {
            assertThat(NUMBERED.all()).containsExactly("recipient", "1", "2");
            assertThat(NAMED_WITH_HEADER.all()).containsExactly("recipient", "header", "first_name");
        }

        @Test
        void aBodyParameterNamedHeader_leavesTheHeadersColumnAnotherName() {
            RecipientList.Columns columns = RecipientList.Columns.of(Optional.of(TemplateBody.parseHeader("{{1}}")),
                    TemplateBody.parse("Hi {{header}} there"));

            assertThat(columns.all()).containsExactly("recipient", "header_1", "header");
        }
    }

    @Nested
    class Valid {
        @Test
        void numbersInAnyWriting_bsuids_andTheParametersInTheTemplatesOrder() {
            List<RecipientList.Entry> entries = RecipientList.parse("list.csv", "2,recipient,1\n"
                    + "A42,+55 (21) 98765-4321,Ana\n"
                    + "\"A43, urgent\",BR.1502512345678901,\"Bruno \"\"B\"\"\"\n"
                    + "A44,005521987654322,Carla\n", NUMBERED);

            assertThat(entries).extracting(RecipientList.Entry::line, entry -> entry.handle().orElseThrow(),
                    RecipientList.Entry::parameters).containsExactly(
                            tuple(2, "5521987654321", List.of("Ana", "A42")),
                            tuple(3, "BR.1502512345678901", List.of("Bruno \"B\"", "A43, urgent")),
                            tuple(4, "5521987654322", List.of("Carla", "A44")));
            assertThat(entries).allSatisfy(entry -> assertThat(entry.skip()).isEmpty());
        }

        @Test
        void semicolons_crLf_aByteOrderMark_andUpperCaseColumns_areRead() {
            List<RecipientList.Entry> entries = RecipientList.parse("list.csv",
                    "\uFEFFRecipient;HEADER;first_name\r\n+5521987654321;Rio;Ana\r\n\r\n", NAMED_WITH_HEADER);

            assertThat(entries).singleElement().satisfies(entry -> {
                assertThat(entry.parameters()).containsExactly("Rio", "Ana");
                assertThat(entry.line()).isEqualTo(2);
            });
        }

        @Test
        void invalidNumbersAndRepeatedOnes_areKept_markedToBeSkipped() {
            List<RecipientList.Entry> entries = RecipientList.parse("list.csv", """
                    recipient,1,2
                    5521987654321,Ana,#1
                    12 ab,Bruno,#2
                    +55 21 98765-4321,Ana,#3
                    BR.,Carla,#4
                    """, NUMBERED);

            assertThat(entries).extracting(entry -> entry.skip().map(RecipientList.Skip::reason).orElse("sent"))
                    .containsExactly("sent", "invalid", "duplicate", "invalid");
            assertThat(entries.get(2).skip().orElseThrow().text()).isEqualTo("duplicate: of line 2");
            assertThat(entries.get(1).skip().orElseThrow().detail()).startsWith("the number must be digits");
        }

        @Test
        void records_areReadAsTheirCsvWouldBe() {
            List<RecipientList.Entry> entries = RecipientList.of("recipients", List.of(
                    Map.of("recipient", "+5521987654321", "1", "Ana", "2", "#1"),
                    Map.of("recipient", "5521987654321", "1", "Ana", "2", "#2")), NUMBERED);

            assertThat(entries).extracting(RecipientList.Entry::line, entry -> entry.skip().isPresent())
                    .containsExactly(tuple(1, false), tuple(2, true));
        }
    }

    @Nested
    class Refused {
        @Test
        void everyBadLine_isNamedWithItsField_andNothingIsRead() {
            FileFormatException refused = catchThrowableOfType(FileFormatException.class, () ->
                    RecipientList.parse("list.csv", """
                            recipient,1,2
                            5521987654321,Ana,#1
                            5521987654322,Bruno
                            5521987654323,,#3
                            ,Dora,#4
                            5521987654325,"Eva,#5
                            5521987654326,Fabio,#6
                            """, NUMBERED));

            assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_RECIPIENT_LIST);
            assertThat(refused.problems()).extracting(FileFormatException.Problem::line,
                    FileFormatException.Problem::field).containsExactly(tuple(3, null), tuple(4, "1"),
                            tuple(5, "recipient"), tuple(6, null));
            assertThat(refused.getMessage()).startsWith("list.csv: 4 lines are invalid");
        }

        @Test
        void aHeaderWithAnUnknownOrMissingColumn_isRefusedNamingThem() {
            FileFormatException refused = catchThrowableOfType(FileFormatException.class, () ->
                    RecipientList.parse("list.csv", "recipient,1,name\n5521987654321,Ana,x\n", NUMBERED));

            assertThat(refused.problems()).extracting(FileFormatException.Problem::line,
                    FileFormatException.Problem::field).containsExactly(tuple(1, "name"), tuple(1, "2"));
        }

        @Test
        void manyBadLines_listTheFirstFifty_andCountTheRest() {
            StringBuilder csv = new StringBuilder("recipient,1,2\n");
            for (int line = 0; line < 80; line++) {
                csv.append("5521987654321,Ana\n");
            }

            FileFormatException refused = catchThrowableOfType(FileFormatException.class, () ->
                    RecipientList.parse("list.csv", csv.toString(), NUMBERED));

            assertThat(refused.problems()).hasSize(50);
            assertThat(refused.linesNotListed()).isEqualTo(30);
            assertThat(refused.getMessage()).contains("80 lines are invalid").endsWith("and 30 more lines");
        }

        @Test
        void anEmptyList_aHeaderAlone_orOneTooLong_isRefused() {
            StringBuilder tooLong = new StringBuilder("recipient,1,2\n");
            for (int line = 0; line <= RecipientList.MAX_RECIPIENTS; line++) {
                tooLong.append("5521987654321,a,b\n");
            }

            assertThatThrownBy(() -> RecipientList.parse("list.csv", " \n", NUMBERED))
                    .hasMessageContaining("is empty; write a header line, recipient,1,2");
            assertThatThrownBy(() -> RecipientList.parse("list.csv", "recipient,1,2\n", NUMBERED))
                    .hasMessageContaining("has no recipients");
            assertThatThrownBy(() -> RecipientList.parse("list.csv", tooLong.toString(), NUMBERED))
                    .hasMessageContaining("has 100001 recipients; a campaign takes at most 100000");
        }

        @Test
        void aRecordWithAnUnknownKey_isRefusedNamingIt() {
            FileFormatException refused = catchThrowableOfType(FileFormatException.class, () ->
                    RecipientList.of("recipients", List.of(Map.of("recipient", "5521987654321", "1", "a", "2", "b",
                            "3", "c")), NUMBERED));

            assertThat(refused.problems()).extracting(FileFormatException.Problem::line,
                    FileFormatException.Problem::field).containsExactly(tuple(1, "3"));
        }
    }

    /**
     * Random lists, good and bad lines mixed, written in random ways, read as a simple oracle reads them: a list with
     * any bad line is refused naming exactly those lines; one without is read whole, each recipient skipped exactly
     * when it is invalid or seen before.
     */
    @RepeatedTest(200)
    void randomLists_areReadAsTheOracleReadsThem(RepetitionInfo run) {
        long seed = 0x5EED + run.getCurrentRepetition();
        SplittableRandom random = new SplittableRandom(seed);
        boolean semicolons = random.nextInt(4) == 0;
        String separator = semicolons ? ";" : ",";
        String newline = random.nextBoolean() ? "\r\n" : "\n";
        StringBuilder csv = new StringBuilder("recipient" + separator + "2" + separator + "1" + newline);
        List<Integer> badLines = new ArrayList<>();
        Map<Integer, String> expectedSkip = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        int lines = 1 + random.nextInt(30);
        for (int line = 2; line < lines + 2; line++) {
            int kind = random.nextInt(10);
            String number = "55219876543" + (10 + random.nextInt(8));
            String written = switch (random.nextInt(3)) {
                case 0 -> number;
                case 1 -> "+" + number;
                default -> "+55 (21) 98765-43" + number.substring(11);
            };
            if (kind == 0) {
                csv.append(written).append(separator).append("x").append(newline);
                badLines.add(line);
            } else if (kind == 1) {
                csv.append(written).append(separator).append(separator).append("y").append(newline);
                badLines.add(line);
            } else if (kind == 2) {
                csv.append("12ab").append(separator).append("x").append(separator).append("y").append(newline);
                expectedSkip.put(line, "invalid");
            } else {
                csv.append('"').append(written).append('"').append(separator).append("\"a\"\"b\"")
                        .append(separator).append("c").append(newline);
                Integer first = seen.putIfAbsent(number, line);
                expectedSkip.put(line, first == null ? "sent" : "duplicate");
            }
        }

        if (!badLines.isEmpty()) {
            FileFormatException refused = catchThrowableOfType(FileFormatException.class,
                    () -> RecipientList.parse("list.csv", csv.toString(), NUMBERED));
            assertThat(refused).as("seed %d", seed).isNotNull();
            assertThat(refused.problems().stream().map(FileFormatException.Problem::line).distinct().toList())
                    .as("seed %d", seed).isEqualTo(badLines);
            return;
        }
        List<RecipientList.Entry> entries = RecipientList.parse("list.csv", csv.toString(), NUMBERED);
        Map<Integer, String> skipped = new LinkedHashMap<>();
        entries.forEach(entry -> skipped.put(entry.line(), entry.skip().map(RecipientList.Skip::reason)
                .orElse("sent")));
        assertThat(skipped).as("seed %d", seed).isEqualTo(expectedSkip);
        assertThat(entries).as("seed %d", seed).filteredOn(entry -> entry.handle().isPresent())
                .allSatisfy(entry -> assertThat(entry.parameters()).containsExactly("c", "a\"b"));
    }
}
