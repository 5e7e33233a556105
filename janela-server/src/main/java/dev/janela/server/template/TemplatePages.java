package dev.janela.server.template;

import dev.janela.server.account.Role;
import dev.janela.server.ui.PageChanges;
import dev.janela.server.ui.WebPages;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.ApiException;
import dev.janela.server.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
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
    private final TemplateController templates;
    private final Templates store;

    TemplatePages(TemplateController templates, Templates store) {
        this.templates = templates;
        this.store = store;
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @GetMapping("/templates")
    String templates(HttpServletRequest request, Model model) {
        model.addAttribute("templates", templates.list(request).templates());
        model.addAttribute("reviewedByMeta", templates.reviewedByMeta());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TemplateController.NewTemplate("", "en", "utility", "", "", ""));
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
        TemplateController.NewTemplate form = new TemplateController.NewTemplate(name, language, category, body,
                header, footer);
        model.addAttribute("problems", TemplateController.check(form).problems());
        model.addAttribute("form", form);
        return "templates :: check";
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/templates")
    String add(@RequestParam String name, @RequestParam String language, @RequestParam String category,
            @RequestParam String body, @RequestParam(defaultValue = "") String header,
            @RequestParam(defaultValue = "") String footer, HttpServletRequest request, Model model) {
        TemplateController.NewTemplate form = new TemplateController.NewTemplate(name.strip(), language.strip(),
                category, body, header, footer);
        return PageChanges.attempt(() -> templates.add(form, request), "/templates", model, () -> {
            model.addAttribute("form", form);
            return templates(request, model);
        });
    }

    @Allowed({Role.ADMIN})
    @GetMapping("/templates/{id}/edit")
    String edit(@PathVariable long id, HttpServletRequest request, Model model) {
        Template template = store.find(Caller.of(request).accountId(), id)
                .orElseThrow(() -> ApiException.notFound("template " + id));
        model.addAttribute("template", TemplateController.TemplateView.of(template, store.reviews(id)));
        return "template-edit";
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/templates/{id}")
    String change(@PathVariable long id, @RequestParam String category, @RequestParam String body,
            @RequestParam(defaultValue = "") String header, @RequestParam(defaultValue = "") String footer,
            HttpServletRequest request, Model model) {
        return PageChanges.attempt(() -> templates.edit(id, new TemplateController.TemplateChange(category, body,
                header, footer), request), "/templates", model, () -> edit(id, request, model));
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/templates/{id}/approve")
    String approve(@PathVariable long id, HttpServletRequest request, Model model) {
        return backToList(() -> templates.approve(id, request), request, model);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/templates/{id}/submit")
    String submit(@PathVariable long id, HttpServletRequest request, Model model) {
        return backToList(() -> templates.submit(id, null, request), request, model);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/templates/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(defaultValue = "") String comment, HttpServletRequest request,
            Model model) {
        return backToList(() -> templates.reject(id, new TemplateController.Rejection(comment, List.of()), request),
                request, model);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/templates/{id}/pause")
    String pause(@PathVariable long id, HttpServletRequest request, Model model) {
        return backToList(() -> templates.pause(id, request), request, model);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/templates/{id}/unpause")
    String unpause(@PathVariable long id, HttpServletRequest request, Model model) {
        return backToList(() -> templates.unpause(id, request), request, model);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/templates/{id}/disable")
    String disable(@PathVariable long id, HttpServletRequest request, Model model) {
        return backToList(() -> templates.disable(id, request), request, model);
    }

    /** Makes {@code change}, then back to the list; or the list with the API's refusal. */
    private String backToList(Runnable change, HttpServletRequest request, Model model) {
        return PageChanges.attempt(change, "/templates", model, () -> templates(request, model));
    }
}
