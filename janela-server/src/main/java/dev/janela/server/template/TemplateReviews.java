package dev.janela.server.template;

import dev.janela.core.conversation.TemplateCategory;
import dev.janela.core.template.TemplateBody;
import dev.janela.server.access.Caller;
import dev.janela.server.refusal.FieldError;
import dev.janela.server.refusal.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A template's life, as the account's admins lead it: added and edited against Meta's rules, reviewed (in the
 * sandbox by an operator here, as Meta's review would; with Meta's connector by Meta, once submitted), paused,
 * resumed and disabled. Which moves a status allows is {@link TemplateStatus}'s to say.
 */
@Service
public class TemplateReviews {
    private final Templates templates;
    private final Optional<MetaTemplates> meta;

    TemplateReviews(Templates templates, ObjectProvider<MetaTemplates> meta) {
        this.templates = templates;
        this.meta = Optional.ofNullable(meta.getIfAvailable());
    }

    /** What to change of a template; what is left out (null) stays. {@code ""} removes a header or footer. */
    public record TemplateChange(String category, String body, String header, String footer) {
    }

    /** Adds a template, pending review. */
    @Transactional
    public Template add(Caller caller, NewTemplate request) {
        NewTemplate.Checked checked = request.check();
        Refusal.requireNone(checked.problems());
        if (templates.find(caller.accountId(), checked.name(), request.language()).isPresent()) {
            throw Refusal.conflict("template " + checked.name() + " exists already in " + request.language());
        }
        long id = templates.add(caller.accountId(), checked.name(), request.language(), checked.content().orElseThrow(),
                caller.author());
        return templates.find(caller.accountId(), id).orElseThrow();
    }

    /** Changes a template that is not approved (nor disabled); it goes back to review, as at Meta. */
    @Transactional
    public Template edit(Caller caller, long id, TemplateChange change) {
        Template template = existing(caller, id);
        if (!template.isEditable()) {
            throw Refusal.conflict("template " + id + " is " + template.status()
                    + "; only a pending, rejected or paused template can be edited");
        }
        List<FieldError> problems = new ArrayList<>();
        TemplateCategory category = template.category();
        if (change.category() != null) {
            category = NewTemplate.category(change.category(), problems);
        }
        TemplateBody body = change.body() == null ? template.body()
                : NewTemplate.parse(problems, () -> TemplateBody.parse(change.body()));
        Optional<TemplateBody> header = change.header() == null ? template.header()
                : NewTemplate.optional(problems, change.header(), TemplateBody::parseHeader);
        Optional<TemplateBody> footer = change.footer() == null ? template.footer()
                : NewTemplate.optional(problems, change.footer(), TemplateBody::parseFooter);
        Refusal.requireNone(problems);
        templates.edit(id, new Templates.Content(category, body, header, footer));
        return templates.find(caller.accountId(), id).orElseThrow();
    }

    /** An operator's approval, in the sandbox; a template reviewed already is refused (409), as at Meta. */
    @Transactional
    public Template approve(Caller caller, long id) {
        reviewedHere(id);
        return review(caller, id, TemplateStatus.APPROVED, List.of());
    }

    /**
     * An operator's rejection, in the sandbox, with why: a reason, review comments, or both, one line each.
     *
     * @param reason one reason, or null
     * @param comments review comments, or null
     */
    @Transactional
    public Template reject(Caller caller, long id, String reason, List<String> comments) {
        reviewedHere(id);
        List<String> lines = new ArrayList<>();
        if (reason != null && !reason.isBlank()) {
            lines.add(oneLine(reason));
        }
        if (comments != null) {
            comments.stream().filter(comment -> comment != null && !comment.isBlank())
                    .map(TemplateReviews::oneLine).forEach(lines::add);
        }
        if (lines.isEmpty()) {
            throw Refusal.invalid("comments", "are required: why the template is rejected, as a reason or a list"
                    + " of comments");
        }
        return review(caller, id, TemplateStatus.REJECTED, lines);
    }

    /** Pauses an approved template, as Meta does when its quality is low: it cannot be sent until resumed. */
    @Transactional
    public Template pause(Caller caller, long id) {
        return move(caller, id, TemplateStatus.PAUSED, "; only an approved one can be paused");
    }

    @Transactional
    public Template unpause(Caller caller, long id) {
        return move(caller, id, TemplateStatus.APPROVED, "; only a paused one can be approved");
    }

    /** Disables a template for good, as Meta does after a third pause. */
    @Transactional
    public Template disable(Caller caller, long id) {
        return move(caller, id, TemplateStatus.DISABLED, "; only an approved or paused template is disabled");
    }

    /**
     * Submits a template to Meta for review ({@code JANELA_CONNECTOR=meta}); Meta's verdict comes later.
     *
     * @param examples example values for the template's parameters, by name or number
     */
    public Template submit(Caller caller, long id, Map<String, String> examples) {
        Template template = existing(caller, id);
        if (!template.status().maySubmit()) {
            throw Refusal.conflict("template " + id + " is " + template.status()
                    + "; only a pending or rejected template is submitted for review");
        }
        return metaTemplates().submit(template, examples);
    }

    /** Fetches the statuses and categories of the account's templates from Meta now. */
    public MetaTemplates.Sync sync(Caller caller) {
        return metaTemplates().sync(caller.accountId());
    }

    /** Whether Meta reviews the templates (Meta's connector), rather than an operator here (the sandbox). */
    public boolean reviewedByMeta() {
        return meta.isPresent();
    }

    private Template review(Caller caller, long id, TemplateStatus verdict, List<String> comments) {
        Template template = existing(caller, id);
        if (!template.status().awaitsReview()) {
            throw Refusal.conflict("template " + id + " is " + template.status()
                    + "; only a pending template is reviewed");
        }
        templates.review(template.id(), verdict, comments, caller.author());
        return templates.find(caller.accountId(), id).orElseThrow();
    }

    private Template move(Caller caller, long id, TemplateStatus to, String allowed) {
        Template template = existing(caller, id);
        if (!template.status().mayMoveTo(to)) {
            throw Refusal.conflict("template " + id + " is " + template.status() + allowed);
        }
        templates.review(id, to, List.of(), caller.author());
        return templates.find(caller.accountId(), id).orElseThrow();
    }

    private Template existing(Caller caller, long id) {
        return templates.find(caller.accountId(), id).orElseThrow(() -> Refusal.notFound("template " + id));
    }

    private MetaTemplates metaTemplates() {
        return meta.orElseThrow(() -> Refusal.conflict("Janela runs the sandbox connector, which has no Meta to"
                + " submit to: approve or reject the template here"));
    }

    /** With Meta's connector, only Meta's review decides; approving here would send what Meta has not approved. */
    private void reviewedHere(long id) {
        if (meta.isPresent()) {
            throw Refusal.conflict("Meta reviews this account's templates; submit template " + id
                    + " with POST /api/templates/" + id + "/submit and Meta's verdict arrives by webhook");
        }
    }

    /** A review comment on one line: reviews keep one comment a line. */
    private static String oneLine(String comment) {
        return comment.strip().replaceAll("\\s+", " ");
    }
}
