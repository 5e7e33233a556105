package dev.janela.server.conversation;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.consent.MarketingSettings;
import dev.janela.server.refusal.FieldError;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.web.Allowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET}, {@code PATCH /api/settings}: how the account treats its customers. {@code
 * identity_change_keeps_window} says whether a customer's open window carries on when Meta reports their new number
 * or BSUID; Meta does not say whether it does, so the account decides (true by default). {@code marketing_cap}
 * ({@code {"count": 2, "days": 7}}, null for none, the default) caps the marketing templates a campaign sends one
 * customer; {@code messaging_limit} is Meta's (customers reached by business-initiated templates in a moving 24
 * hours; null for unlimited, the default), which Meta's {@code business_capability_update} webhook also sets;
 * {@code stop_words} ({@code {"en": ["STOP"], "pt": ["PARAR"]}}) are all the words that opt a customer out, and null
 * gives the account the defaults back ({@code stop_words_are_defaults}). A field left out is left as it is.
 */
@RestController
class SettingsController {
    private static final String KEEPS_WINDOW = "identity_change_keeps_window";
    private static final String CAP = "marketing_cap";
    private static final String LIMIT = "messaging_limit";
    private static final String STOP_WORDS = "stop_words";

    private final IdentitySettings settings;
    private final MarketingSettings marketing;

    SettingsController(IdentitySettings settings, MarketingSettings marketing) {
        this.settings = settings;
        this.marketing = marketing;
    }

    /** The account's settings. */
    record SettingsView(boolean identityChangeKeepsWindow, CapView marketingCap, Integer messagingLimit,
            Map<String, List<String>> stopWords, boolean stopWordsAreDefaults) {
    }

    /** At most {@code count} marketing templates to one customer in {@code days}. */
    record CapView(int count, int days) {
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @GetMapping("/api/settings")
    SettingsView settings(Caller caller) {
        MarketingSettings.Settings current = marketing.settings(caller.accountId());
        return new SettingsView(settings.changeKeepsWindow(caller.accountId()),
                current.cap().map(cap -> new CapView(cap.count(), (int) cap.period().toDays())).orElse(null),
                current.messagingLimit().isPresent() ? current.messagingLimit().getAsInt() : null,
                current.stopWords().byLanguage(), current.stopWords().defaults());
    }

    @Allowed({Role.ADMIN})
    @PatchMapping("/api/settings")
    SettingsView change(@RequestBody JsonNode body, Caller caller) {
        List<FieldError> problems = new ArrayList<>();
        JsonNode keeps = body.path(KEEPS_WINDOW);
        if (!keeps.isMissingNode() && !keeps.isBoolean()) {
            problems.add(new FieldError(KEEPS_WINDOW, "must be true or false"));
        }
        MarketingSettings.Change change = marketingChange(body, problems);
        problems.addAll(marketing.problems(change));
        Refusal.requireNone(problems);
        marketing.change(caller.accountId(), change);
        if (keeps.isBoolean()) {
            settings.setChangeKeepsWindow(caller.accountId(), keeps.asBoolean());
        }
        return settings(caller);
    }

    /** The marketing settings {@code body} changes, as typed; what is of the wrong type in {@code problems}. */
    private static MarketingSettings.Change marketingChange(JsonNode body, List<FieldError> problems) {
        MarketingSettings.Change change = MarketingSettings.Change.nothing();
        JsonNode cap = body.path(CAP);
        if (cap.isNull()) {
            change = change.withCap(Optional.empty());
        } else if (cap.isObject()) {
            change = change.withCap(Optional.of(new MarketingSettings.CapAsked(integer(cap, "count", CAP, problems),
                    integer(cap, "days", CAP, problems))));
        } else if (!cap.isMissingNode()) {
            problems.add(new FieldError(CAP, "must be {\"count\": 2, \"days\": 7}, or null for no cap"));
        }
        JsonNode limit = body.path(LIMIT);
        if (limit.isNull()) {
            change = change.withMessagingLimit(Optional.empty());
        } else if (!limit.isMissingNode()) {
            change = change.withMessagingLimit(Optional.ofNullable(integer(body, LIMIT, null, problems)));
        }
        JsonNode words = body.path(STOP_WORDS);
        if (words.isNull()) {
            change = change.withStopWords(Optional.empty());
        } else if (words.isObject()) {
            change = change.withStopWords(Optional.of(stopWords(words, problems)));
        } else if (!words.isMissingNode()) {
            problems.add(new FieldError(STOP_WORDS, "must be an object of languages, each a list of words"
                    + " ({\"en\": [\"STOP\"]}), or null for the defaults"));
        }
        return change;
    }

    private static Map<String, List<String>> stopWords(JsonNode words, List<FieldError> problems) {
        Map<String, List<String>> byLanguage = new LinkedHashMap<>();
        words.properties().forEach(language -> {
            JsonNode list = language.getValue();
            if (!list.isArray() || list.valueStream().anyMatch(word -> !word.isString())) {
                problems.add(new FieldError(STOP_WORDS + "." + language.getKey(), "must be a list of words"));
                return;
            }
            byLanguage.put(language.getKey(), list.valueStream().map(JsonNode::asString).toList());
        });
        return byLanguage;
    }

    /** The whole number in {@code node}'s {@code field}; null, with a problem, when it is not one. */
    private static Integer integer(JsonNode node, String field, String parent, List<FieldError> problems) {
        JsonNode value = node.path(field);
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.asInt();
        }
        if (!value.isMissingNode() && !value.isNull() || parent == null) {
            problems.add(new FieldError(parent == null ? field : parent + "." + field, "must be a whole number"));
        }
        return null;
    }
}
