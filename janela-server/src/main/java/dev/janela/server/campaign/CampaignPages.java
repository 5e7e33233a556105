package dev.janela.server.campaign;

import dev.janela.core.JanelaException;
import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.channel.Channels;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.template.Template;
import dev.janela.server.ui.PageChanges;
import dev.janela.server.ui.WebPages;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.ErrorTable;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /campaigns}: the account's campaigns; for admins, a new campaign from a CSV file (each approved template's
 * columns shown, with a sample file to fill in), refused with every bad line listed as the API lists them. A
 * campaign's page shows its estimate, whom it will skip and why, its recipients page by page, and, for admins, the
 * changes its state allows.
 */
@WebPages
class CampaignPages {
    private static final int PAGE = 50;

    private final Campaigns campaigns;
    private final Channels channels;

    CampaignPages(Campaigns campaigns, Channels channels) {
        this.campaigns = campaigns;
        this.channels = channels;
    }

    /** An approved template as the form offers it: {@code value} is {@code name:language}. */
    record TemplateChoice(String value, String name, String language, String category, String columns) {
        static TemplateChoice of(Template template) {
            return new TemplateChoice(template.name() + ":" + template.language(), template.name(),
                    template.language(), template.category().wireName(),
                    String.join(",", Campaigns.columns(template).all()));
        }
    }

    /** What the form was given, to show again with a refusal. */
    record Form(String name, String phoneNumberId, String template) {
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @GetMapping("/campaigns")
    String list(Caller caller, Model model) {
        model.addAttribute("campaigns", campaigns.list(caller).stream().map(CampaignView::of).toList());
        if (caller.isAdmin()) {
            model.addAttribute("templates", campaigns.approvedTemplates(caller).stream().map(TemplateChoice::of)
                    .toList());
            model.addAttribute("channels", channels.list(caller.accountId()));
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Form("", "", ""));
        }
        return "campaigns";
    }

    /** A CSV to fill in for {@code template} ({@code name:language}): its header line and one example line. */
    @Allowed({Role.ADMIN})
    @GetMapping("/campaigns/sample.csv")
    ResponseEntity<String> sample(@RequestParam String template, Caller caller) {
        Template found = campaigns.requireApproved(caller, ref(template));
        List<String> columns = Campaigns.columns(found).all();
        List<String> example = new ArrayList<>();
        example.add("+5521987654321");
        columns.subList(1, columns.size()).forEach(column -> example.add("value of " + column));
        String csv = String.join(",", columns) + "\n" + String.join(",", example) + "\n";
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + found.name() + "-"
                        + found.language() + ".csv\"")
                .body(csv);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/campaigns")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String phoneNumberId,
            @RequestParam(defaultValue = "") String template, @RequestParam(required = false) MultipartFile file,
            Caller caller, Model model) throws IOException {
        Optional<String> csv = file == null || file.isEmpty() ? Optional.empty()
                : Optional.of(new String(file.getBytes(), StandardCharsets.UTF_8));
        try {
            long id = campaigns.create(caller, new Campaigns.Draft(name, phoneNumberId, ref(template), csv,
                    Optional.empty())).campaign().id();
            return "redirect:/campaigns/" + id;
        } catch (Refusal refusal) {
            model.addAttribute("refusal", refusal);
        } catch (JanelaException refusal) {
            model.addAttribute("refusal", ErrorTable.refusalOf(refusal));
        }
        model.addAttribute("form", new Form(name, phoneNumberId, template));
        return list(caller, model);
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @GetMapping("/campaigns/{id}")
    String campaign(@PathVariable long id, @RequestParam(defaultValue = "0") int after, Caller caller, Model model) {
        model.addAttribute("campaign", CampaignView.of(campaigns.details(caller, id)));
        List<CampaignRecipient> page = campaigns.recipients(caller, id, Optional.empty(), after, PAGE + 1);
        List<CampaignView.RecipientView> shown = page.stream().limit(PAGE).map(CampaignView.RecipientView::of)
                .toList();
        model.addAttribute("recipients", shown);
        model.addAttribute("nextAfter", page.size() > PAGE ? shown.get(PAGE - 1).line() : null);
        return "campaign";
    }

    /** The campaign's progress alone, which its page asks for every few seconds while it may still move. */
    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @GetMapping("/campaigns/{id}/progress")
    String progress(@PathVariable long id, Caller caller, Model model) {
        model.addAttribute("campaign", CampaignView.of(campaigns.details(caller, id)));
        return "campaign :: progress";
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @GetMapping("/campaigns/{id}/report.csv")
    void report(@PathVariable long id, Caller caller, HttpServletResponse response) throws IOException {
        response.setContentType(CampaignProgress.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, CampaignProgress.disposition(id));
        campaigns.report(caller, id, response.getWriter());
    }

    /**
     * Starts a draft now, or at {@code startsAt} (a day and time in UTC, as the form's field gives it); a time that
     * cannot be read is refused, naming it.
     */
    @Allowed({Role.ADMIN})
    @PostMapping("/campaigns/{id}/start")
    String start(@PathVariable long id, @RequestParam(defaultValue = "") String startsAt, Caller caller,
            Model model) {
        return change(id, () -> campaigns.start(caller, id, instant(startsAt)), caller, model);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/campaigns/{id}/pause")
    String pause(@PathVariable long id, Caller caller, Model model) {
        return change(id, () -> campaigns.pause(caller, id), caller, model);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/campaigns/{id}/resume")
    String resume(@PathVariable long id, Caller caller, Model model) {
        return change(id, () -> campaigns.resume(caller, id), caller, model);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/campaigns/{id}/cancel")
    String cancel(@PathVariable long id, Caller caller, Model model) {
        return change(id, () -> campaigns.cancel(caller, id), caller, model);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/campaigns/{id}/estimate")
    String estimate(@PathVariable long id, Caller caller, Model model) {
        return change(id, () -> campaigns.estimate(caller, id), caller, model);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/campaigns/{id}/delete")
    String delete(@PathVariable long id, Caller caller, Model model) {
        return PageChanges.attempt(() -> campaigns.delete(caller, id), "/campaigns", model,
                () -> campaign(id, 0, caller, model));
    }

    private String change(long id, Runnable change, Caller caller, Model model) {
        return PageChanges.attempt(change, "/campaigns/" + id, model, () -> campaign(id, 0, caller, model));
    }

    /** {@code name:language}, as the form's template chooser gives it. */
    private static Campaigns.TemplateRef ref(String template) {
        String[] nameAndLanguage = template.split(":", 2);
        return new Campaigns.TemplateRef(nameAndLanguage[0], nameAndLanguage.length > 1 ? nameAndLanguage[1] : null);
    }

    private static Optional<Instant> instant(String startsAt) {
        if (startsAt.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(startsAt.strip()).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException unreadable) {
            throw Refusal.invalid("starts_at", "is not a day and time such as 2026-03-01T09:00");
        }
    }
}
