package dev.janela.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.conversation.CustomerMessage;
import dev.janela.core.conversation.Event;
import dev.janela.core.conversation.FreeFormMessage;
import dev.janela.core.conversation.TemplateCategory;
import dev.janela.core.conversation.TemplateMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * One parser reads a run of random events, each written as a log may write it: its fields in the usual order or
 * shuffled, with whitespace, unknown fields, nulls and names written with escapes, some lines naming a field twice.
 * Each line reads as the event it was written from, built here from the same values, or is rejected for the
 * repeated field; what the parser remembers from one line to the next (the order of fields, the last minute, the
 * last channel) never changes how a line reads.
 */
class EventLineParserPropertyTest {
    private static final String[] CHANNELS = {"+5511999990000", "+919876543210", "+14155550100", "+4930123456789"};
    private static final String[] CUSTOMERS = {"+5521988887777", "+13054038375", "+447700900123", "+5215512345678",
        "BR.1502512345678901"};
    private static final String[] BLANKS = {"", "", "", " ", "\t", " \r "};

    @RepeatedTest(200)
    void eachLine_readsAsTheEventItWasWrittenFrom(RepetitionInfo repetition) {
        long seed = 0x150B_0000L + repetition.getCurrentRepetition();
        SplittableRandom random = new SplittableRandom(seed);
        EventLineParser parser = new EventLineParser();
        long second = Instant.parse("2026-03-01T00:00:00Z").getEpochSecond();
        for (int line = 0; line < 40; line++) {
            second += random.nextInt(3) == 0 ? random.nextInt(200_000) : random.nextInt(40);
            Written written = write(random, "m" + line, Instant.ofEpochSecond(second));

            if (written.twice) {
                assertThatThrownBy(() -> parser.parse(written.text)).as("seed %d: %s", seed, written.text)
                        .isInstanceOf(InvalidEventException.class).hasMessageContaining("appears twice");
            } else {
                assertThat(parser.parse(written.text)).as("seed %d: %s", seed, written.text)
                        .isEqualTo(written.event);
            }
        }
    }

    private record Written(String text, Event event, boolean twice) {
    }

    private static Written write(SplittableRandom random, String id, Instant at) {
        ConversationKey key = new ConversationKey(pick(random, CHANNELS), pick(random, CUSTOMERS));
        boolean outbound = random.nextBoolean();
        boolean template = outbound && random.nextBoolean();
        boolean failed = outbound && random.nextInt(5) == 0;
        TemplateCategory category = pick(random, TemplateCategory.values());
        boolean referral = !outbound && random.nextInt(4) == 0;

        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"id", quoted(id)});
        fields.add(new String[] {"at", quoted(at.toString())});
        fields.add(new String[] {"channel", quoted(key.channel())});
        fields.add(new String[] {"customer", quoted(key.customer())});
        fields.add(new String[] {"direction", quoted(outbound ? "out" : "in")});
        fields.add(new String[] {"type", quoted(template ? "template" : "text")});
        if (template) {
            fields.add(new String[] {"category", quoted(category.wireName())});
            fields.add(new String[] {"template", quoted("order_update")});
        }
        if (outbound && (failed || random.nextBoolean())) {
            fields.add(new String[] {"status", quoted(failed ? "failed" : "delivered")});
        }
        if (referral || random.nextInt(6) == 0) {
            fields.add(new String[] {"referral", String.valueOf(referral)});
        }
        if (random.nextInt(5) == 0) {
            Collections.shuffle(fields, new Random(random.nextLong()));
        }
        if (random.nextInt(5) == 0) {
            fields.add(random.nextInt(fields.size() + 1), new String[] {"extra", pick(random,
                new String[] {"null", "[1,{\"id\":\"x\"}]", "{\"at\":2}", "\"channel\"", "-2.5e3", "true"})});
        }
        String absent = pick(random, new String[] {"template", "status", "category"});
        if (random.nextInt(6) == 0 && fields.stream().noneMatch(field -> field[0].equals(absent))) {
            fields.add(random.nextInt(fields.size() + 1), new String[] {absent, "null"});
        }
        boolean twice = random.nextInt(12) == 0;
        if (twice) {
            String[] repeated = fields.get(random.nextInt(fields.size()));
            if (repeated[0].equals("extra")) {
                twice = false;
            } else {
                fields.add(random.nextInt(fields.size() + 1), repeated);
            }
        }

        StringBuilder text = new StringBuilder(pick(random, BLANKS)).append('{');
        for (int index = 0; index < fields.size(); index++) {
            String name = fields.get(index)[0];
            if (random.nextInt(10) == 0) {
                name = "\\u00" + Integer.toHexString(name.charAt(0)) + name.substring(1);
            }
            text.append(index == 0 ? "" : ",").append(pick(random, BLANKS)).append('"').append(name).append('"')
                    .append(pick(random, BLANKS)).append(':').append(pick(random, BLANKS))
                    .append(fields.get(index)[1]).append(pick(random, BLANKS));
        }
        text.append('}').append(pick(random, BLANKS));

        Event event = !outbound ? new CustomerMessage(id, at, key, referral)
                : template ? new TemplateMessage(id, at, key, category, failed)
                : new FreeFormMessage(id, at, key, failed);
        return new Written(text.toString(), event, twice);
    }

    private static String quoted(String value) {
        return '"' + value + '"';
    }

    private static <T> T pick(SplittableRandom random, T[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
