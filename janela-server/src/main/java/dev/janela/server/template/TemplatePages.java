package dev.janela.server.template;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.ui.PageChanges;
import dev.janela.server.ui.WebPages;
import dev.janela.server.web.Allowed;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /templates}: the account's templates and their review. Everyone reads them; admins write them, with Meta's
 * rules checked as they type (the API's own check), and review them in the sandbox's stand-in for Meta's review.
 */
@WebPages
class TemplatePages {
    private final TemplateReviews reviews;
    private final Templates templates;

    TemplatePages(TemplateReviews reviews, Templates templates) {
        this.reviews = reviews;
        this.templates = templates;
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @GetMapping("/templates")
    String templates(Caller caller, Model model) {
        model.addAttribute("templates", templates.list(caller.accountId()).stream()
                .map(template -> TemplateView.of(template, templates)).toList());
        model.addAttribute("reviewedByMeta", reviews.reviewedByMeta());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewTemplate("", "en", "utility", "", "", ""));
        }
        return "templates";
    }

    /** Meta's rules applied to the form as it is now: its problems, and the message it would make. */
    @Allowed({Role.ADMIN})
    @PostMapping("/templates/check")
    String check(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "") String header, @RequestParam(defaultValue = "") String footer,
            Model model) {
        NewTemplate form = new NewTemplate(name, language, category, body, header, footer);
        model.addAttribute("problems", form.check().problems());
        model.addAttribute("form", form);
        return "templates :: check";
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/templates")
    String add(@RequestParam String name, @RequestParam String language, @RequestParam String category,
            @RequestParam String body, @RequestParam(defaultValue = "") String header,
            @RequestParam(defaultValue = "") String footer, Caller caller, Model model) {
        NewTemplate form = new NewTemplate(name.strip(), language.strip(), category, body, header, footer);
        return PageChanges.attempt(() -> reviews.add(caller, form), "/templates", model, () -> {
            model.addAttribute("form", form);
            return templates(caller, model);
        });
    }

    @Allowed({Role.ADMIN})
    @GetMapping("/templates/{id}/edit")
    String edit(@PathVariable long id, Caller caller, Model model) {
        Template template = templates.find(caller.accountId(), id)
                .orElseThrow(() -> Refusal.notFound("template " + id));
        model.addAttribute("template", TemplateView.of(template, templates));
        return "template-edit";
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/templates/{id}")
    String change(@PathVariable long id, @RequestParam String category, @RequestParam String body,
            @RequestParam(defaultValue = "") String header, @RequestParam(defaultValue = "") String footer,
            Caller caller, Model model) {
        return PageChanges.attempt(() -> reviews.edit(caller, id, new TemplateReviews.TemplateChange(category, body,
                header, footer)), "/templates", model, () -> edit(id, caller, model));
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/templates/{id}/approve")
    String approve(@PathVariable long id, Caller caller, Model model) {
        return backToList(() -> reviews.approve(caller, id), caller, model);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/templates/{id}/submit")
    String submit(@PathVariable long id, Caller caller, Model model) {
        return backToList(() -> reviews.submit(caller, id, Map.of()), caller, model);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/templates/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(defaultValue = "") String comment, Caller caller,
            Model model) {
        return backToList(() -> reviews.reject(caller, id, comment, List.of()), caller, model);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/templates/{id}/pause")
    String pause(@PathVariable long id, Caller caller, Model model) {
        return backToList(() -> reviews.pause(caller, id), caller, model);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/templates/{id}/unpause")
    String unpause(@PathVariable long id, Caller caller, Model model) {
        return backToList(() -> reviews.unpause(caller, id), caller, model);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/templates/{id}/disable")
    String disable(@PathVariable long id, Caller caller, Model model) {
        return backToList(() -> reviews.disable(caller, id), caller, model);
    }

    /** Makes {@code change}, then back to the list; or the list with the refusal. */
    private String backToList(Runnable change, Caller caller, Model model) {
        return PageChanges.attempt(change, "/templates", model, () -> templates(caller, model));
    }
}
