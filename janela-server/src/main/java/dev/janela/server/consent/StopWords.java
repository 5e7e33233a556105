package dev.janela.server.consent;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The words that opt a customer out of marketing when a message is nothing else, per account and language, and
 * whether a message is one. An account that never wrote its own has {@link #DEFAULTS}; once it has
 * ({@code accounts.stop_words_set}), its words are all there are, and a language it left empty has none.
 *
 * <p>Every customer's message is matched, on the webhook's hot path, so an account's words are kept in memory: read
 * once, forgotten when this node changes them (once the change commits), and read again after
 * {@link #KEPT_FOR} at most, for a change another node of a cluster made. A text of more than
 * {@link #LONGEST_TEXT} characters is no stop word and is not even looked at.
 */
@Repository
public class StopWords {
    /** The words of an account that never wrote its own: English, Portuguese and Spanish. */
    public static final Map<String, List<String>> DEFAULTS = defaults();
    /** How long an account's words are kept in memory before they are read again. */
    static final Duration KEPT_FOR = Duration.ofMinutes(1);
    /** The longest text that may be a stop word with its spaces and punctuation: a word has up to 100 characters. */
    static final int LONGEST_TEXT = 200;
    /** Room for the spaces, punctuation and accents' marks a text may have around and in an account's longest word. */
    private static final int ROOM_AROUND = 20;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<Long, Kept> kept = new ConcurrentHashMap<>();
    /** How many times this node forgot words: words read while it did are not kept, as they may be the old ones. */
    private final AtomicLong forgotten = new AtomicLong();

    StopWords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * An account's stop words.
     *
     * @param byLanguage the words of each language, as the account wrote them
     * @param defaults whether they are {@link #DEFAULTS}, the account having never written its own
     */
    public record Words(Map<String, List<String>> byLanguage, boolean defaults) {
        public Words {
            Objects.requireNonNull(byLanguage, "byLanguage");
        }
    }

    /**
     * An account's words as a message is matched against them: by their normal form, each to the word written; and
     * the longest a text may be and still be one of them, with {@link #ROOM_AROUND} for spaces and punctuation.
     */
    private record Kept(Map<String, String> byNormalForm, int longestText, Instant readAt) {
    }

    /** The account's stop words. */
    public Words words(long accountId) {
        boolean set = jdbc.sql("select stop_words_set from accounts where id = :account").param("account", accountId)
                .query(Boolean.class).single();
        if (!set) {
            return new Words(DEFAULTS, true);
        }
        Map<String, List<String>> byLanguage = new LinkedHashMap<>();
        jdbc.sql("select language, word from stop_words where account_id = :account order by language, word")
                .param("account", accountId)
                .query(row -> {
                    byLanguage.computeIfAbsent(row.getString("language"), language -> new ArrayList<>())
                            .add(row.getString("word"));
                });
        return new Words(byLanguage, false);
    }

    /**
     * Makes {@code byLanguage} all of the account's stop words; empty for the {@link #DEFAULTS} again. The words are
     * checked by the caller.
     */
    public void set(long accountId, Optional<Map<String, List<String>>> byLanguage) {
        jdbc.sql("delete from stop_words where account_id = :account").param("account", accountId).update();
        byLanguage.ifPresent(words -> words.forEach((language, list) -> list.stream().distinct().forEach(word ->
                jdbc.sql("insert into stop_words (account_id, language, word) values (:account, :language, :word)")
                        .param("account", accountId).param("language", language).param("word", word).update())));
        jdbc.sql("update accounts set stop_words_set = :set where id = :account").param("set", byLanguage.isPresent())
                .param("account", accountId).update();
        forgetOnCommit(accountId);
    }

    /**
     * The account's stop word {@code text} is, as the account wrote it: the text, trimmed, without the punctuation
     * around it, and compared without case or accents, must be the word. Reads nothing in the common case.
     */
    public Optional<String> match(long accountId, String text) {
        if (text.length() > LONGEST_TEXT) {
            return Optional.empty();
        }
        Kept words = kept(accountId);
        // most messages are longer than any stop word: they are not normalised at all
        if (text.length() > words.longestText()) {
            return Optional.empty();
        }
        String normal = normalForm(text);
        if (normal.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(words.byNormalForm().get(normal));
    }

    /**
     * {@code text} as stop words are compared: without the spaces and punctuation around it, its inner spaces made
     * one, without accents, in capitals ({@code " Párar! "} is {@code PARAR}).
     */
    public static String normalForm(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && !Character.isLetterOrDigit(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && !Character.isLetterOrDigit(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        String core = SPACES.matcher(text.substring(start, end)).replaceAll(" ");
        return MARKS.matcher(Normalizer.normalize(core, Normalizer.Form.NFD)).replaceAll("").toUpperCase(Locale.ROOT);
    }

    private Kept kept(long accountId) {
        Instant now = clock.instant();
        Kept known = kept.get(accountId);
        if (known != null && known.readAt().plus(KEPT_FOR).isAfter(now)) {
            return known;
        }
        long before = forgotten.get();
        Map<String, String> byNormalForm = new HashMap<>();
        words(accountId).byLanguage().values().forEach(words -> words.forEach(word ->
                byNormalForm.putIfAbsent(normalForm(word), word)));
        int longest = byNormalForm.keySet().stream().mapToInt(String::length).max().orElse(0);
        Kept read = new Kept(byNormalForm, Math.min(LONGEST_TEXT, longest * 2 + ROOM_AROUND), now);
        if (forgotten.get() == before) {
            kept.put(accountId, read);
        }
        return read;
    }

    /**
     * Forgets the account's words now and once the transaction ends: words a match reads in between, or while the
     * transaction ends, may be the old ones, and are not kept.
     */
    private void forgetOnCommit(long accountId) {
        forgotten.incrementAndGet();
        kept.remove(accountId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgotten.incrementAndGet();
                    kept.remove(accountId);
                }
            });
        }
    }

    private static Map<String, List<String>> defaults() {
        Map<String, List<String>> defaults = new LinkedHashMap<>();
        defaults.put("en", List.of("STOP", "UNSUBSCRIBE"));
        defaults.put("pt", List.of("PARAR", "SAIR", "CANCELAR"));
        defaults.put("es", List.of("BAJA", "PARAR"));
        return Collections.unmodifiableMap(defaults);
    }
}
