package dev.janela.server.conversation;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.consent.MarketingSettings;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.ui.PageChanges;
import dev.janela.server.ui.WebPages;
import dev.janela.server.web.Allowed;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /settings}: how the account treats its customers, which the team sees and admins change: the marketing cap,
 * Meta's messaging limit (which Meta's webhook also updates), the stop words, and whether a customer's new number
 * keeps their window. Each form makes the change {@code PATCH /api/settings} makes, through the same use case, so the
 * page refuses what the API refuses.
 */
@WebPages
class SettingsPages {
    private static final String PAGE = "/settings";
    private static final String WORDS = "words.";

    private final MarketingSettings marketing;
    private final IdentitySettings identity;

    SettingsPages(MarketingSettings marketing, IdentitySettings identity) {
        this.marketing = marketing;
        this.identity = identity;
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @GetMapping(PAGE)
    String settings(Caller caller, Model model) {
        MarketingSettings.Settings settings = marketing.settings(caller.accountId());
        model.addAttribute("cap", settings.cap().orElse(null));
        model.addAttribute("capDays", settings.cap().map(cap -> cap.period().toDays()).orElse(null));
        model.addAttribute("limit", settings.messagingLimit().isPresent() ? settings.messagingLimit().getAsInt()
                : null);
        model.addAttribute("tiers", MarketingSettings.META_TIERS);
        model.addAttribute("stopWords", settings.stopWords());
        model.addAttribute("keepsWindow", identity.changeKeepsWindow(caller.accountId()));
        return "settings";
    }

    /** Caps the marketing templates to one customer; both fields left empty for no cap. */
    @Allowed({Role.ADMIN})
    @PostMapping(PAGE + "/marketing-cap")
    String cap(@RequestParam(defaultValue = "") String count, @RequestParam(defaultValue = "") String days,
            Caller caller, Model model) {
        return change(caller, model, () -> {
            Optional<MarketingSettings.CapAsked> cap = count.isBlank() && days.isBlank() ? Optional.empty()
                    : Optional.of(new MarketingSettings.CapAsked(number("marketing_cap.count", count),
                            number("marketing_cap.days", days)));
            return MarketingSettings.Change.nothing().withCap(cap);
        });
    }

    /** Sets the messaging limit: one of Meta's tiers, or {@code unlimited}. */
    @Allowed({Role.ADMIN})
    @PostMapping(PAGE + "/messaging-limit")
    String limit(@RequestParam(defaultValue = "unlimited") String limit, Caller caller, Model model) {
        return change(caller, model, () -> MarketingSettings.Change.nothing().withMessagingLimit(
                limit.equals("unlimited") ? Optional.empty() : Optional.of(number("messaging_limit", limit))));
    }

    /**
     * Sets the stop words: {@code words.<language>} each a language's words, separated by commas, and a new
     * {@code language} with its {@code newWords}; or, with {@code defaults}, the defaults again.
     */
    @Allowed({Role.ADMIN})
    @PostMapping(PAGE + "/stop-words")
    String stopWords(@RequestParam MultiValueMap<String, String> form, Caller caller, Model model) {
        return change(caller, model, () -> {
            if (form.containsKey("defaults")) {
                return MarketingSettings.Change.nothing().withStopWords(Optional.empty());
            }
            Map<String, List<String>> byLanguage = new LinkedHashMap<>();
            form.forEach((name, values) -> {
                if (name.startsWith(WORDS)) {
                    byLanguage.put(name.substring(WORDS.length()), words(values.get(0)));
                }
            });
            String language = Optional.ofNullable(form.getFirst("language")).orElse("").strip();
            if (!language.isEmpty()) {
                byLanguage.put(language, words(Optional.ofNullable(form.getFirst("newWords")).orElse("")));
            }
            return MarketingSettings.Change.nothing().withStopWords(Optional.of(byLanguage));
        });
    }

    @Allowed({Role.ADMIN})
    @PostMapping(PAGE + "/identity")
    String identity(@RequestParam(defaultValue = "false") boolean keepsWindow, Caller caller) {
        identity.setChangeKeepsWindow(caller.accountId(), keepsWindow);
        return "redirect:" + PAGE;
    }

    private String change(Caller caller, Model model, ChangeAsked asked) {
        return PageChanges.attempt(() -> marketing.change(caller.accountId(), asked.change()), PAGE, model,
                () -> settings(caller, model));
    }

    /** A change read from a form, which may refuse a field it cannot read. */
    private interface ChangeAsked {
        MarketingSettings.Change change();
    }

    private static Integer number(String field, String written) {
        try {
            return Integer.valueOf(written.strip());
        } catch (NumberFormatException notOne) {
            throw Refusal.invalid(field, "must be a whole number");
        }
    }

    private static List<String> words(String written) {
        return Arrays.stream(written.split(",")).map(String::strip).filter(word -> !word.isEmpty()).toList();
    }
}
