package dev.janela.server.consent;

import dev.janela.server.refusal.FieldError;
import dev.janela.server.refusal.Refusal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account's marketing settings, which an admin changes on the settings page and through the API: the cap on
 * marketing templates to one customer, Meta's messaging limit (which Meta's {@code business_capability_update}
 * webhook also sets), and the stop words. A change is checked whole, every field at fault named, and made in one
 * transaction.
 */
@Service
public class MarketingSettings {
    /** The most marketing templates a cap may allow in its period. */
    static final int MOST_CAPPED = 100;
    /** The longest period of a cap: a year. */
    static final int LONGEST_CAP_DAYS = 365;
    /** Meta's tiers of the messaging limit, short of unlimited. */
    public static final List<Integer> META_TIERS = List.of(250, 2_000, 10_000, 100_000);
    private static final int MOST_LANGUAGES = 20;
    private static final int MOST_WORDS = 50;
    private static final int LONGEST_WORD = 100;
    /** The longest language code the store keeps (stop_words.language). */
    private static final int LONGEST_LANGUAGE = 20;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,2}");

    private final JdbcClient jdbc;
    private final Consent consent;
    private final MessagingLimits limits;
    private final StopWords stopWords;

    MarketingSettings(JdbcClient jdbc, Consent consent, MessagingLimits limits, StopWords stopWords) {
        this.jdbc = jdbc;
        this.consent = consent;
        this.limits = limits;
        this.stopWords = stopWords;
    }

    /** The account's marketing settings: a cap if it has one, a messaging limit if it has one, its stop words. */
    public record Settings(Optional<Consent.Cap> cap, OptionalInt messagingLimit, StopWords.Words stopWords) {
    }

    /** A cap as asked for: at most {@code count} marketing templates in {@code days}; either may be missing. */
    public record CapAsked(Integer count, Integer days) {
    }

    /**
     * A change of the settings. Each field is left as it is when empty; when present, it holds the new value, itself
     * empty for none: no cap, no limit (Meta's unlimited tier), the default stop words.
     */
    public record Change(Optional<Optional<CapAsked>> cap, Optional<Optional<Integer>> messagingLimit,
            Optional<Optional<Map<String, List<String>>>> stopWords) {
        public Change {
            Objects.requireNonNull(cap, "cap");
            Objects.requireNonNull(messagingLimit, "messagingLimit");
            Objects.requireNonNull(stopWords, "stopWords");
        }

        /** Changes nothing, until a {@code with} says what. */
        public static Change nothing() {
            return new Change(Optional.empty(), Optional.empty(), Optional.empty());
        }

        public Change withCap(Optional<CapAsked> asked) {
            return new Change(Optional.of(asked), messagingLimit, stopWords);
        }

        public Change withMessagingLimit(Optional<Integer> limit) {
            return new Change(cap, Optional.of(limit), stopWords);
        }

        public Change withStopWords(Optional<Map<String, List<String>>> words) {
            return new Change(cap, messagingLimit, Optional.of(words));
        }
    }

    public Settings settings(long accountId) {
        return new Settings(consent.cap(accountId), limits.limit(accountId), stopWords.words(accountId));
    }

    /**
     * Makes {@code change}, whole or not at all.
     *
     * @throws Refusal naming every field at fault
     */
    @Transactional
    public Settings change(long accountId, Change change) {
        List<FieldError> problems = new ArrayList<>();
        Checked checked = check(change, problems);
        Refusal.requireNone(problems);
        checked.cap().ifPresent(each -> jdbc.sql("update accounts set marketing_cap_count = :count,"
                        + " marketing_cap_days = :days where id = :account")
                .param("count", each.map(Consent.Cap::count).orElse(null))
                .param("days", each.map(value -> (int) value.period().toDays()).orElse(null))
                .param("account", accountId).update());
        change.messagingLimit().ifPresent(limit -> limits.setLimit(accountId,
                limit.map(OptionalInt::of).orElseGet(OptionalInt::empty)));
        checked.stopWords().ifPresent(each -> stopWords.set(accountId, each));
        return settings(accountId);
    }

    /**
     * What is wrong with {@code change}: for an edge that finds problems of its own in a request (a field of the
     * wrong type), to name them all at once.
     */
    public List<FieldError> problems(Change change) {
        List<FieldError> problems = new ArrayList<>();
        check(change, problems);
        return problems;
    }

    /** A change checked: its cap and its stop words as they are to be stored. */
    private record Checked(Optional<Optional<Consent.Cap>> cap,
            Optional<Optional<Map<String, List<String>>>> stopWords) {
    }

    private static Checked check(Change change, List<FieldError> problems) {
        Optional<Optional<Consent.Cap>> cap = change.cap().map(asked -> asked.flatMap(each -> cap(each, problems)));
        change.messagingLimit().flatMap(limit -> limit).filter(limit -> limit < 1).ifPresent(limit ->
                problems.add(new FieldError("messaging_limit", "must be a number of customers, 1 or more (Meta's"
                        + " tiers are 250, 2000, 10000 and 100000), or null for unlimited; was " + limit)));
        Optional<Optional<Map<String, List<String>>>> words = change.stopWords()
                .map(asked -> asked.map(each -> stopWords(each, problems)));
        return new Checked(cap, words);
    }

    private static Optional<Consent.Cap> cap(CapAsked asked, List<FieldError> problems) {
        int before = problems.size();
        if (asked.count() == null || asked.count() < 1 || asked.count() > MOST_CAPPED) {
            problems.add(new FieldError("marketing_cap.count", "must be a number of marketing templates from 1 to "
                    + MOST_CAPPED + (asked.count() == null ? "" : "; was " + asked.count())));
        }
        if (asked.days() == null || asked.days() < 1 || asked.days() > LONGEST_CAP_DAYS) {
            problems.add(new FieldError("marketing_cap.days", "must be a number of days from 1 to "
                    + LONGEST_CAP_DAYS + (asked.days() == null ? "" : "; was " + asked.days())));
        }
        return problems.size() > before ? Optional.empty()
                : Optional.of(new Consent.Cap(asked.count(), Duration.ofDays(asked.days())));
    }

    /** The words asked for, trimmed, each language's without repeats; what is wrong with them in {@code problems}. */
    private static Map<String, List<String>> stopWords(Map<String, List<String>> asked, List<FieldError> problems) {
        if (asked.size() > MOST_LANGUAGES) {
            problems.add(new FieldError("stop_words", "may have up to " + MOST_LANGUAGES + " languages; has "
                    + asked.size()));
        }
        Map<String, List<String>> words = new LinkedHashMap<>();
        asked.forEach((language, list) -> {
            String field = "stop_words." + language;
            if (!LANGUAGE.matcher(language).matches() || language.length() > LONGEST_LANGUAGE) {
                problems.add(new FieldError(field, "is not a language code such as en, pt or pt_BR"));
            }
            if (list.size() > MOST_WORDS) {
                problems.add(new FieldError(field, "may have up to " + MOST_WORDS + " words; has " + list.size()));
            }
            List<String> trimmed = new ArrayList<>();
            for (int index = 0; index < list.size(); index++) {
                String word = list.get(index) == null ? "" : list.get(index).strip();
                if (word.length() > LONGEST_WORD || word.indexOf('\u0000') >= 0
                        || StopWords.normalForm(word).isEmpty()) {
                    problems.add(new FieldError(field + "[" + index + "]", "must be a word of 1 to " + LONGEST_WORD
                            + " characters with a letter or a digit"));
                } else if (!trimmed.contains(word)) {
                    trimmed.add(word);
                }
            }
            words.put(language, trimmed);
        });
        return words;
    }

}
