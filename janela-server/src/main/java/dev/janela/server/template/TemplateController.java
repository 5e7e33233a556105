package dev.janela.server.template;

import dev.janela.core.conversation.TemplateCategory;
import dev.janela.core.template.InvalidTemplateException;
import dev.janela.core.template.TemplateBody;
import dev.janela.core.template.TemplateName;
import dev.janela.server.account.Accounts;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
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
 * WhatsApp Business Account and Meta's verdict comes by webhook or sync.
 */
@RestController
class TemplateController {
    /** Meta's language codes: {@code en}, {@code pt_BR}, {@code zh_CN}... */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");
    private static final Pattern WABA_ID = Pattern.compile("[0-9]{1,64}");

    private final Templates templates;
    private final Optional<MetaTemplates> meta;
    private final Accounts accounts;

    TemplateController(Templates templates, ObjectProvider<MetaTemplates> meta, Accounts accounts) {
        this.templates = templates;
        this.meta = Optional.ofNullable(meta.getIfAvailable());
        this.accounts = accounts;
    }

    /** The account's WhatsApp Business Account at Meta, where its templates are submitted. */
    record BusinessAccount(String wabaId) {
    }

    /** A submission's example values for the template's parameters, by name or number. */
    record Submission(Map<String, String> examples) {
    }

    record NewTemplate(String name, String language, String category, String body, String header,
            String footer) {
    }

    /** What to change of a template; what is left out stays. {@code ""} removes a header or footer. */
    record TemplateChange(String category, String body, String header, String footer) {
    }

    /** A rejection: one reason, or a list of review comments. */
    record Rejection(String reason, List<String> comments) {
    }

    /**
     * A template as the API shows it, with every review it had.
     *
     * @param previousCategory the category Meta changed it from, if it did: its price changed with it
     */
    record TemplateView(long id, String name, String language, String category, String header, String body,
            String footer, int parameters, String status, String rejectionReason, List<Templates.Review> reviews,
            Instant createdAt, Instant updatedAt, String createdBy, String reviewedBy, String metaTemplateId,
            String previousCategory, Instant categoryChangedAt) {
        static TemplateView of(Template template, List<Templates.Review> reviews) {
            return new TemplateView(template.id(), template.name(), template.language(),
                    template.category().wireName(), template.header().map(TemplateBody::text).orElse(null),
                    template.body().text(), template.footer().map(TemplateBody::text).orElse(null),
                    template.body().parameterCount(), template.status().name(),
                    template.rejectionReason().orElse(null), reviews, template.createdAt(), template.updatedAt(),
                    template.createdBy(), template.reviewedBy().orElse(null), template.metaTemplateId().orElse(null),
                    template.categoryChange().map(change -> change.previous().wireName()).orElse(null),
                    template.categoryChange().map(Template.CategoryChange::at).orElse(null));
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
        Checked checked = check(request);
        if (!checked.problems().isEmpty()) {
            throw ApiException.invalid(checked.problems());
        }
        if (templates.find(account, checked.name(), request.language()).isPresent()) {
            throw new ApiException(ApiErrorCode.CONFLICT, "template " + checked.name() + " exists already in "
                    + request.language());
        }
        long id = templates.add(account, checked.name(), request.language(), checked.content(), caller.author());
        return view(templates.find(account, id).orElseThrow());
    }

    /** A new template read against Meta's rules: its parts, or every problem found. */
    record Checked(String name, Templates.Content content, List<FieldError> problems) {
    }

    /** Reads {@code request} against Meta's rules, as a submission would be, without storing anything. */
    static Checked check(NewTemplate request) {
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
        Optional<TemplateBody> header = optional(problems, request.header(), TemplateBody::parseHeader);
        Optional<TemplateBody> footer = optional(problems, request.footer(), TemplateBody::parseFooter);
        return new Checked(name, problems.isEmpty() ? new Templates.Content(category, body, header, footer) : null,
                List.copyOf(problems));
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @GetMapping("/api/templates")
    TemplateList list(HttpServletRequest http) {
        return new TemplateList(templates.list(Caller.of(http).accountId()).stream().map(this::view).toList());
    }

    @Allowed({Role.ADMIN, Role.ANALYST})
    @GetMapping("/api/whatsapp-business-account")
    BusinessAccount businessAccount(HttpServletRequest http) {
        return new BusinessAccount(accounts.wabaId(Caller.of(http).accountId()).orElse(null));
    }

    @Allowed({Role.ADMIN})
    @PutMapping("/api/whatsapp-business-account")
    @Transactional
    BusinessAccount setBusinessAccount(@RequestBody BusinessAccount request, HttpServletRequest http) {
        if (request.wabaId() == null || !WABA_ID.matcher(request.wabaId()).matches()) {
            throw ApiException.invalid(List.of(new FieldError("waba_id", "is required: the WhatsApp Business"
                    + " Account's id at Meta, digits only")));
        }
        accounts.setWabaId(Caller.of(http).accountId(), request.wabaId());
        return request;
    }

    /** Submits a template to Meta for review ({@code JANELA_CONNECTOR=meta}); Meta's verdict comes later. */
    @Allowed({Role.ADMIN})
    @PostMapping("/api/templates/{id}/submit")
    TemplateView submit(@PathVariable long id, @RequestBody(required = false) Submission submission,
            HttpServletRequest http) {
        Template template = templates.find(Caller.of(http).accountId(), id)
                .orElseThrow(() -> ApiException.notFound("template " + id));
        if (template.status() != TemplateStatus.PENDING && template.status() != TemplateStatus.REJECTED) {
            throw new ApiException(ApiErrorCode.CONFLICT, "template " + id + " is " + template.status()
                    + "; only a pending or rejected template is submitted for review");
        }
        Map<String, String> examples = submission == null || submission.examples() == null ? Map.of()
                : submission.examples();
        return view(metaTemplates().submit(template, examples));
    }

    /** Fetches the statuses and categories of the account's templates from Meta now. */
    @Allowed({Role.ADMIN})
    @PostMapping("/api/templates/sync")
    MetaTemplates.Sync sync(HttpServletRequest http) {
        return metaTemplates().sync(Caller.of(http).accountId());
    }

    private MetaTemplates metaTemplates() {
        return meta.orElseThrow(() -> new ApiException(ApiErrorCode.CONFLICT, "Janela runs the sandbox connector,"
                + " which has no Meta to submit to: approve or reject the template here"));
    }

    /** Whether Meta reviews the templates (Meta's connector), rather than an operator here (the sandbox). */
    boolean reviewedByMeta() {
        return meta.isPresent();
    }

    /** With Meta's connector, only Meta's review decides; approving here would send what Meta has not approved. */
    private void reviewedHere(long id) {
        if (meta.isPresent()) {
            throw new ApiException(ApiErrorCode.CONFLICT, "Meta reviews this account's templates; submit template "
                    + id + " with POST /api/templates/" + id + "/submit and Meta's verdict arrives by webhook");
        }
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/api/templates/{id}/approve")
    @Transactional
    TemplateView approve(@PathVariable long id, HttpServletRequest http) {
        reviewedHere(id);
        Caller caller = Caller.of(http);
        Template template = pending(caller.accountId(), id, TemplateStatus.APPROVED);
        templates.review(template.id(), TemplateStatus.APPROVED, List.of(), caller.author());
        return view(templates.find(template.accountId(), id).orElseThrow());
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/api/templates/{id}/reject")
    @Transactional
    TemplateView reject(@PathVariable long id, @RequestBody Rejection rejection, HttpServletRequest http) {
        reviewedHere(id);
        List<String> comments = new ArrayList<>();
        if (rejection.reason() != null && !rejection.reason().isBlank()) {
            comments.add(oneLine(rejection.reason()));
        }
        if (rejection.comments() != null) {
            rejection.comments().stream().filter(comment -> comment != null && !comment.isBlank())
                    .map(TemplateController::oneLine).forEach(comments::add);
        }
        if (comments.isEmpty()) {
            throw ApiException.invalid(List.of(new FieldError("comments", "are required: why the template is"
                    + " rejected, as a reason or a list of comments")));
        }
        Caller caller = Caller.of(http);
        Template template = pending(caller.accountId(), id, TemplateStatus.REJECTED);
        templates.review(template.id(), TemplateStatus.REJECTED, comments, caller.author());
        return view(templates.find(template.accountId(), id).orElseThrow());
    }

    /** Changes a template that is not approved (nor disabled); it goes back to review, as at Meta. */
    @Allowed({Role.ADMIN})
    @PatchMapping("/api/templates/{id}")
    @Transactional
    TemplateView edit(@PathVariable long id, @RequestBody TemplateChange change, HttpServletRequest http) {
        long account = Caller.of(http).accountId();
        Template template = templates.find(account, id).orElseThrow(() -> ApiException.notFound("template " + id));
        if (!template.isEditable()) {
            throw new ApiException(ApiErrorCode.CONFLICT, "template " + id + " is " + template.status()
                    + "; only a pending, rejected or paused template can be edited");
        }
        List<FieldError> problems = new ArrayList<>();
        TemplateCategory category = template.category();
        if (change.category() != null) {
            category = TemplateCategory.fromWireName(change.category()).orElse(null);
            if (category == null) {
                problems.add(new FieldError("category", "is marketing, utility or authentication"));
            }
        }
        TemplateBody body = change.body() == null ? template.body()
                : check(problems, () -> TemplateBody.parse(change.body()));
        Optional<TemplateBody> header = change.header() == null ? template.header()
                : optional(problems, change.header(), TemplateBody::parseHeader);
        Optional<TemplateBody> footer = change.footer() == null ? template.footer()
                : optional(problems, change.footer(), TemplateBody::parseFooter);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        templates.edit(id, new Templates.Content(category, body, header, footer));
        return view(templates.find(account, id).orElseThrow());
    }

    /** Pauses an approved template, as Meta does when its quality is low: it cannot be sent until resumed. */
    @Allowed({Role.ADMIN})
    @PostMapping("/api/templates/{id}/pause")
    @Transactional
    TemplateView pause(@PathVariable long id, HttpServletRequest http) {
        return move(http, id, TemplateStatus.APPROVED, TemplateStatus.PAUSED);
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/api/templates/{id}/unpause")
    @Transactional
    TemplateView unpause(@PathVariable long id, HttpServletRequest http) {
        return move(http, id, TemplateStatus.PAUSED, TemplateStatus.APPROVED);
    }

    /** Disables a template for good, as Meta does after a third pause. */
    @Allowed({Role.ADMIN})
    @PostMapping("/api/templates/{id}/disable")
    @Transactional
    TemplateView disable(@PathVariable long id, HttpServletRequest http) {
        Caller caller = Caller.of(http);
        Template template = templates.find(caller.accountId(), id)
                .orElseThrow(() -> ApiException.notFound("template " + id));
        if (template.status() != TemplateStatus.APPROVED && template.status() != TemplateStatus.PAUSED) {
            throw new ApiException(ApiErrorCode.CONFLICT, "template " + id + " is " + template.status()
                    + "; only an approved or paused template is disabled");
        }
        templates.review(id, TemplateStatus.DISABLED, List.of(), caller.author());
        return view(templates.find(caller.accountId(), id).orElseThrow());
    }

    private TemplateView move(HttpServletRequest http, long id, TemplateStatus from, TemplateStatus to) {
        Caller caller = Caller.of(http);
        Template template = templates.find(caller.accountId(), id)
                .orElseThrow(() -> ApiException.notFound("template " + id));
        if (template.status() != from) {
            throw new ApiException(ApiErrorCode.CONFLICT, "template " + id + " is " + template.status()
                    + "; only a" + (from == TemplateStatus.APPROVED ? "n approved" : " paused") + " one can be "
                    + to.name().toLowerCase(Locale.ROOT));
        }
        templates.review(id, to, List.of(), caller.author());
        return view(templates.find(caller.accountId(), id).orElseThrow());
    }

    private TemplateView view(Template template) {
        return TemplateView.of(template, templates.reviews(template.id()));
    }

    /** A review comment on one line: reviews keep one comment a line. */
    private static String oneLine(String comment) {
        return comment.strip().replaceAll("\\s+", " ");
    }

    private static Optional<TemplateBody> optional(List<FieldError> problems, String text,
            Function<String, TemplateBody> parse) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(check(problems, () -> parse.apply(text)));
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
