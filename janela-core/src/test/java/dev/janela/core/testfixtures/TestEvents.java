package dev.janela.core.testfixtures;

import dev.janela.core.conversation.ConversationKey;
import dev.janela.core.conversation.CustomerMessage;
import dev.janela.core.conversation.FreeFormMessage;
import dev.janela.core.conversation.TemplateCategory;
import dev.janela.core.conversation.TemplateMessage;
import java.time.Duration;
import java.time.Instant;

/** Events of one Brazilian conversation, with short names so that a test reads as its timeline. */
public final class TestEvents {
    public static final ConversationKey CONVERSATION = new ConversationKey("+5511999990000", "+5521988887777");
    public static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    public static final Duration DAY = Duration.ofHours(24);

    private TestEvents() {
    }

    public static Instant at(Duration sinceT0) {
        return T0.plus(sinceT0);
    }

    public static Instant hours(double hours) {
        return T0.plus(Duration.ofMillis(Math.round(hours * 3_600_000)));
    }

    public static CustomerMessage customer(String id, Instant at) {
        return new CustomerMessage(id, at, CONVERSATION, false);
    }

    public static TemplateMessage template(String id, Instant at) {
        return new TemplateMessage(id, at, CONVERSATION, TemplateCategory.UTILITY, false);
    }

    public static TemplateMessage failedTemplate(String id, Instant at) {
        return new TemplateMessage(id, at, CONVERSATION, TemplateCategory.MARKETING, true);
    }

    public static FreeFormMessage text(String id, Instant at) {
        return new FreeFormMessage(id, at, CONVERSATION, false);
    }

    public static FreeFormMessage failedText(String id, Instant at) {
        return new FreeFormMessage(id, at, CONVERSATION, true);
    }
}
