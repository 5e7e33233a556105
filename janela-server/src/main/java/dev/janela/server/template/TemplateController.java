package dev.janela.server.template;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.account.BusinessAccounts;
import dev.janela.server.web.Allowed;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/templates}: the account's templates. New templates wait for review: in the sandbox an operator
 * approves or rejects them here, as Meta's review would; with Meta's connector they are submitted to the account's
 * WhatsApp Business Account and Meta's verdict comes by webhook or sync ({@link TemplateReviews}).
 */
@RestController
class TemplateController {
    private final TemplateReviews reviews;
    private final Templates templates;
    private final BusinessAccounts businessAccounts;

    TemplateController(TemplateReviews reviews, Templates templates, BusinessAccounts businessAccounts) {
        this.reviews = reviews;
        this.templates = templates;
        this.businessAccounts = businessAccounts;
    }

    /** The account's WhatsApp Business Account at Meta, where its templates are submitted. */
    record BusinessAccount(String wabaId) {
    }

    /** A submission's example values for the template's parameters, by name or number. */
    record Submission(Map<String, String> examples) {
    }

    /** A rejection: one reason, or a list of review comments. */
    record Rejection(String reason, List<String> comments) {
    }

    record TemplateList(List<TemplateView> templates) {
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/api/templates")
    @ResponseStatus(HttpStatus.CREATED)
    TemplateView add(@RequestBody NewTemplate request, Caller caller) {
        return view(reviews.add(caller, request));
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @GetMapping("/api/templates")
    TemplateList list(Caller caller) {
        return new TemplateList(templates.list(caller.accountId()).stream().map(this::view).toList());
    }

    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping("/api/whatsapp-business-account")
    BusinessAccount businessAccount(Caller caller) {
        return new BusinessAccount(businessAccounts.find(caller.accountId()).orElse(null));
    }

    @Allowed({Role.ADMIN})
    @PutMapping("/api/whatsapp-business-account")
    BusinessAccount setBusinessAccount(@RequestBody BusinessAccount request, Caller caller) {
        return new BusinessAccount(businessAccounts.set(caller.accountId(), request.wabaId()));
    }

    /** Submits a template to Meta for review ({@code JANELA_CONNECTOR=meta}); Meta's verdict comes later. */
    @Allowed({Role.ADMIN})
    @PostMapping("/api/templates/{id}/submit")
    TemplateView submit(@PathVariable long id, @RequestBody(required = false) Submission submission,
            Caller caller) {
        Map<String, String> examples = submission == null || submission.examples() == null ? Map.of()
                : submission.examples();
        return view(reviews.submit(caller, id, examples));
    }

    /** Fetches the statuses and categories of the account's templates from Meta now. */
    @Allowed({Role.ADMIN})
    @PostMapping("/api/templates/sync")
    MetaTemplates.Sync sync(Caller caller) {
        return reviews.sync(caller);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/api/templates/{id}/approve")
    TemplateView approve(@PathVariable long id, Caller caller) {
        return view(reviews.approve(caller, id));
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/api/templates/{id}/reject")
    TemplateView reject(@PathVariable long id, @RequestBody Rejection rejection, Caller caller) {
        return view(reviews.reject(caller, id, rejection.reason(), rejection.comments()));
    }

    /** Changes a template that is not approved (nor disabled); it goes back to review, as at Meta. */
    @Allowed({Role.ADMIN})
    @PatchMapping("/api/templates/{id}")
    TemplateView edit(@PathVariable long id, @RequestBody TemplateReviews.TemplateChange change, Caller caller) {
        return view(reviews.edit(caller, id, change));
    }

    /** Pauses an approved template, as Meta does when its quality is low: it cannot be sent until resumed. */
    @Allowed({Role.ADMIN})
    @PostMapping("/api/templates/{id}/pause")
    TemplateView pause(@PathVariable long id, Caller caller) {
        return view(reviews.pause(caller, id));
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/api/templates/{id}/unpause")
    TemplateView unpause(@PathVariable long id, Caller caller) {
        return view(reviews.unpause(caller, id));
    }

    /** Disables a template for good, as Meta does after a third pause. */
    @Allowed({Role.ADMIN})
    @PostMapping("/api/templates/{id}/disable")
    TemplateView disable(@PathVariable long id, Caller caller) {
        return view(reviews.disable(caller, id));
    }

    private TemplateView view(Template template) {
        return TemplateView.of(template, templates);
    }
}
