package dev.janela.server.template;

import dev.janela.core.conversation.TemplateCategory;
import dev.janela.core.template.InvalidTemplateException;
import dev.janela.core.template.TemplateBody;
import dev.janela.core.template.TemplateName;
import dev.janela.server.account.Role;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.ApiErrorCode;
import dev.janela.server.web.ApiException;
import dev.janela.server.web.ApiException.FieldError;
import dev.janela.server.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/templates}: the account's templates. New templates wait for review; in the sandbox an operator
 * approves or rejects them here, as Meta's review would.
 */
@RestController
class TemplateController {
    /** Meta's language codes: {@code en}, {@code pt_BR}, {@code zh_CN}... */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");

    private final Templates templates;

    TemplateController(Templates templates) {
        this.templates = templates;
    }

    record NewTemplate(String name, String language, String category, String body) {
    }

    record Rejection(String reason) {
    }

    /** A template as the API shows it. */
    record TemplateView(long id, String name, String language, String category, String body, int parameters,
            String status, String rejectionReason, Instant createdAt, Instant updatedAt, String createdBy,
            String reviewedBy) {
        static TemplateView of(Template template) {
            return new TemplateView(template.id(), template.name(), template.language(),
                    template.category().wireName(), template.body().text(), template.body().parameterCount(),
                    template.status().name(), template.rejectionReason().orElse(null), template.createdAt(),
                    template.updatedAt(), template.createdBy(), template.reviewedBy().orElse(null));
        }
    }

    record TemplateList(List<TemplateView> templates) {
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/api/templates")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    TemplateView add(@RequestBody NewTemplate request, HttpServletRequest http) {
        Caller caller = Caller.of(http);
        long account = caller.accountId();
        List<FieldError> problems = new ArrayList<>();
        String name = check(problems, () -> TemplateName.require(request.name()));
        if (request.language() == null || !LANGUAGE.matcher(request.language()).matches()) {
            problems.add(new FieldError("language", "is required: a language code such as en, en_US or pt_BR"));
        }
        TemplateCategory category = request.category() == null ? null
                : TemplateCategory.fromWireName(request.category()).orElse(null);
        if (category == null) {
            problems.add(new FieldError("category", "is required: marketing, utility or authentication"));
        }
        TemplateBody body = check(problems, () -> TemplateBody.parse(request.body()));
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        if (templates.find(account, name, request.language()).isPresent()) {
            throw new ApiException(ApiErrorCode.CONFLICT, "template " + name + " exists already in "
                    + request.language());
        }
        long id = templates.add(account, name, request.language(), category, body, caller.author());
        return TemplateView.of(templates.find(account, id).orElseThrow());
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @GetMapping("/api/templates")
    TemplateList list(HttpServletRequest http) {
        return new TemplateList(templates.list(Caller.of(http).accountId()).stream().map(TemplateView::of).toList());
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/api/templates/{id}/approve")
    @Transactional
    TemplateView approve(@PathVariable long id, HttpServletRequest http) {
        Caller caller = Caller.of(http);
        Template template = pending(caller.accountId(), id, TemplateStatus.APPROVED);
        templates.review(template.id(), TemplateStatus.APPROVED, null, caller.author());
        return TemplateView.of(templates.find(template.accountId(), id).orElseThrow());
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/api/templates/{id}/reject")
    @Transactional
    TemplateView reject(@PathVariable long id, @RequestBody Rejection rejection, HttpServletRequest http) {
        if (rejection.reason() == null || rejection.reason().isBlank()) {
            throw ApiException.invalid(List.of(new FieldError("reason", "is required: why the template is rejected")));
        }
        Caller caller = Caller.of(http);
        Template template = pending(caller.accountId(), id, TemplateStatus.REJECTED);
        templates.review(template.id(), TemplateStatus.REJECTED, rejection.reason().strip(), caller.author());
        return TemplateView.of(templates.find(template.accountId(), id).orElseThrow());
    }

    /** The template to review, which must be pending (or already where the review would put it). */
    private Template pending(long account, long id, TemplateStatus verdict) {
        Template template = templates.find(account, id).orElseThrow(() -> ApiException.notFound("template " + id));
        if (template.status() != TemplateStatus.PENDING && template.status() != verdict) {
            throw new ApiException(ApiErrorCode.CONFLICT, "template " + id + " is " + template.status()
                    + "; only a pending template is reviewed");
        }
        return template;
    }

    private static <T> T check(List<FieldError> problems, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidTemplateException invalid) {
            invalid.problems().forEach(problem -> problems.add(new FieldError(problem.field(), problem.message())));
            return null;
        }
    }
}
