package dev.janela.server.inbox;

import dev.janela.core.conversation.TemplateCategory;
import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.account.Users;
import dev.janela.server.consent.OptOuts;
import dev.janela.server.conversation.CustomerIds;
import dev.janela.server.conversation.UnknownMessages;
import dev.janela.server.conversation.Windows;
import dev.janela.server.layout.ChosenChannel;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.send.Sends;
import dev.janela.server.template.Template;
import dev.janela.server.template.TemplateStatus;
import dev.janela.server.template.Templates;
import dev.janela.server.ui.WebPages;
import dev.janela.server.web.Allowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /inbox/{phone_number_id}/{wa_id}}: one conversation. The thread with its window, sessions and charges
 * refreshes itself; the composer offers free text only while the window is open, and otherwise the approved templates
 * with what sending one now would cost. Sends go the way a Cloud API client's do ({@link Sends}). The customer's
 * marketing consent is shown beside, and the agent may opt them out or back in as they talk.
 */
@WebPages
class ConversationPages {
    private static final int THREAD = 100;

    private final SharedInbox inbox;
    private final Inbox store;
    private final Windows windows;
    private final Templates templates;
    private final Sends sends;
    private final Users users;
    private final ChosenChannel chosen;
    private final JsonMapper json;
    private final UnknownMessages unknownMessages;
    private final CustomerMarketing marketing;

    ConversationPages(SharedInbox inbox, Inbox store, Windows windows, Templates templates, Sends sends,
            Users users, ChosenChannel chosen, JsonMapper json, UnknownMessages unknownMessages,
            CustomerMarketing marketing) {
        this.marketing = marketing;
        this.unknownMessages = unknownMessages;
        this.inbox = inbox;
        this.store = store;
        this.windows = windows;
        this.templates = templates;
        this.sends = sends;
        this.users = users;
        this.chosen = chosen;
        this.json = json;
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @GetMapping("/inbox/{phoneNumberId}/{waId}")
    String conversation(@PathVariable String phoneNumberId, @PathVariable String waId, Caller caller,
            HttpServletRequest request, Model model) {
        SharedInbox.Found found = inbox.conversation(caller, phoneNumberId, waId);
        chosen.remember(request.getSession(), found.channel());
        Inbox.About about = store.about(found.id());
        Windows.WindowView window = window(found, Optional.empty());
        thread(found, about, window, model);
        composer(found, window, Optional.empty(), model);
        model.addAttribute("notes", store.notes(found.id()));
        model.addAttribute("assignees", users.list(found.channel().accountId()).stream()
                .filter(user -> user.role() != Role.ANALYST).toList());
        model.addAttribute("assignedTo", about.assignedUserId().orElse(null));
        model.addAttribute("marketing", marketing.state(caller, found.waId()));
        return "conversation";
    }

    /** Opts the customer out of marketing, or back in, as the agent talking to them marks it; answers the card. */
    @Allowed({Role.ADMIN, Role.AGENT})
    @PostMapping("/inbox/{phoneNumberId}/{waId}/marketing")
    String marketing(@PathVariable String phoneNumberId, @PathVariable String waId, @RequestParam boolean optedOut,
            Caller caller, Model model) {
        SharedInbox.Found found = inbox.conversation(caller, phoneNumberId, waId);
        model.addAttribute("channel", found.channel());
        model.addAttribute("waId", found.waId());
        model.addAttribute("marketing", marketing.mark(caller, found.waId(), optedOut, OptOuts.Source.AGENT));
        return "conversation :: marketing";
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @GetMapping("/inbox/{phoneNumberId}/{waId}/thread")
    String thread(@PathVariable String phoneNumberId, @PathVariable String waId, Caller caller, Model model) {
        SharedInbox.Found found = inbox.conversation(caller, phoneNumberId, waId);
        thread(found, store.about(found.id()), window(found, Optional.empty()), model);
        model.addAttribute("refreshing", true);
        return "conversation :: thread";
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @GetMapping("/inbox/{phoneNumberId}/{waId}/composer")
    String composer(@PathVariable String phoneNumberId, @PathVariable String waId,
            @RequestParam(required = false) Long template, @RequestParam MultiValueMap<String, String> values,
            Caller caller, Model model) {
        SharedInbox.Found found = inbox.conversation(caller, phoneNumberId, waId);
        Optional<Template> chosenTemplate = Optional.ofNullable(template).flatMap(id ->
                approved(found.channel().accountId(), id));
        composer(found, window(found, chosenTemplate), chosenTemplate, model);
        chosenTemplate.ifPresent(each -> model.addAttribute("draft", TemplateDraft.of(each, values)));
        return "conversation :: composer";
    }

    /** Sends the composer's text, or its template with the values given; answers with a fresh composer. */
    @Allowed({Role.ADMIN, Role.AGENT})
    @PostMapping("/inbox/{phoneNumberId}/{waId}/messages")
    String send(@PathVariable String phoneNumberId, @PathVariable String waId,
            @RequestParam(required = false) Long template, @RequestParam(defaultValue = "") String text,
            @RequestParam MultiValueMap<String, String> values, Caller caller, HttpServletResponse response,
            Model model) {
        SharedInbox.Found found = inbox.conversation(caller, phoneNumberId, waId);
        // Not only approved ones: a template paused since it was chosen must be refused as Meta would, by its code.
        Optional<Template> chosenTemplate = Optional.ofNullable(template).map(id ->
                templates.find(caller.accountId(), id).orElseThrow(() -> Refusal.notFound("template " + id)));
        Object cloudApiRequest = chosenTemplate.map(each -> TemplateDraft.of(each, values).request(found.waId()))
                .orElseGet(() -> TemplateDraft.textRequest(found.waId(), text));
        try {
            Sends.Delivered delivered = sends.decide(caller, found.channel(), json.writeValueAsBytes(cloudApiRequest));
            sends.deliver(found.channel(), delivered);
            response.setHeader("HX-Trigger", "thread-changed");
            composer(found, window(found, Optional.empty()), Optional.empty(), model);
        } catch (Refusal refusal) {
            composer(found, window(found, chosenTemplate), chosenTemplate, model);
            chosenTemplate.ifPresent(each -> model.addAttribute("draft", TemplateDraft.of(each, values)));
            model.addAttribute("text", text);
            model.addAttribute("refusal", "(#" + refusal.reason().metaCode() + ") " + refusal.getMessage());
        }
        return "conversation :: composer";
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @PostMapping("/inbox/{phoneNumberId}/{waId}/assignment")
    String assign(@PathVariable String phoneNumberId, @PathVariable String waId,
            @RequestParam(required = false) Long userId, Caller caller) {
        inbox.assign(caller, phoneNumberId, waId, Optional.ofNullable(userId));
        return "redirect:/inbox/" + phoneNumberId + "/" + waId;
    }

    /** An admin's verdict on a message whose send lost Meta's answer: it was {@code sent}, or it {@code failed}. */
    @Allowed({Role.ADMIN})
    @PostMapping("/inbox/{phoneNumberId}/{waId}/messages/{wamid}/settlement")
    String settle(@PathVariable String phoneNumberId, @PathVariable String waId, @PathVariable String wamid,
            @RequestParam String state, Caller caller) {
        unknownMessages.settle(caller.accountId(), phoneNumberId, wamid, state);
        return "redirect:/inbox/" + phoneNumberId + "/" + waId;
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @PostMapping("/inbox/{phoneNumberId}/{waId}/notes")
    String addNote(@PathVariable String phoneNumberId, @PathVariable String waId, @RequestParam String text,
            Caller caller) {
        inbox.addNote(caller, phoneNumberId, waId, text);
        return "redirect:/inbox/" + phoneNumberId + "/" + waId + "#notes";
    }

    private void thread(SharedInbox.Found found, Inbox.About about, Windows.WindowView window, Model model) {
        model.addAttribute("channel", found.channel());
        model.addAttribute("waId", found.waId());
        model.addAttribute("shown", CustomerIds.shown(found.waId(), Optional.empty()));
        model.addAttribute("customerName", about.name());
        model.addAttribute("messages", store.latestMessages(found.id(), THREAD));
        model.addAttribute("window", window);
        model.addAttribute("badge", badge(window));
        model.addAttribute("sessions", store.sessions(found.id()));
        model.addAttribute("charges", store.charges(found.id()));
    }

    /** The window now, with a template's cost priced for {@code template}'s category (utility when none is chosen). */
    private Windows.WindowView window(SharedInbox.Found found, Optional<Template> template) {
        return windows.now(found.channel(), found.waId(),
                template.map(Template::category).orElse(TemplateCategory.UTILITY));
    }

    /** The composer for {@code window}, offering the account's approved templates, {@code template} chosen. */
    private void composer(SharedInbox.Found found, Windows.WindowView window, Optional<Template> template,
            Model model) {
        model.addAttribute("channel", found.channel());
        model.addAttribute("waId", found.waId());
        model.addAttribute("shown", CustomerIds.shown(found.waId(), Optional.empty()));
        model.addAttribute("composerWindow", window);
        model.addAttribute("composerState", badge(window).state());
        model.addAttribute("market", windows.marketOf(found.channel(), found.waId()));
        List<Template> approved = templates.list(found.channel().accountId()).stream()
                .filter(each -> each.status() == TemplateStatus.APPROVED).toList();
        model.addAttribute("approvedTemplates", approved);
        model.addAttribute("template", template.orElse(null));
        if (template.isEmpty() && !approved.isEmpty()) {
            model.addAttribute("costRange", TemplateCostRange.of(windows.templateCosts(found.channel(), found.waId(),
                    approved.stream().map(Template::category).collect(Collectors.toSet()))).orElse(null));
        }
    }

    private static WindowBadge badge(Windows.WindowView window) {
        return WindowBadge.of(window.open(), window.windowExpiresAt(),
                window.session() == null ? null : window.session().status(), window.at());
    }

    private Optional<Template> approved(long accountId, long id) {
        return templates.find(accountId, id).filter(each -> each.status() == TemplateStatus.APPROVED);
    }
}
