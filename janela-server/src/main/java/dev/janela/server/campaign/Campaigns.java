package dev.janela.server.campaign;

import dev.janela.core.campaign.RecipientList;
import dev.janela.server.access.Caller;
import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.jdbc.Instants;
import dev.janela.server.refusal.FieldError;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.template.Template;
import dev.janela.server.template.TemplateStatus;
import dev.janela.server.template.Templates;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of campaigns: create one whole from its list (or not at all), estimate it, start it now or later,
 * pause, resume, cancel, delete a draft; and read them. Every change of state is a conditional update, so that of two
 * admins (or nodes) making changes at once, one wins and the other is told the state it found.
 */
@Service
public class Campaigns {
    /** The longest name a campaign may have. */
    static final int MAX_NAME = 200;
    /** The most recipients one page shows. */
    static final int MOST_A_PAGE = 1000;

    private final CampaignStore store;
    private final CampaignEstimates estimates;
    private final Channels channels;
    private final Templates templates;
    private final CampaignEvents events;
    private final CampaignProgress progress;
    private final Clock clock;

    Campaigns(CampaignStore store, CampaignEstimates estimates, Channels channels, Templates templates,
            CampaignEvents events, CampaignProgress progress, Clock clock) {
        this.progress = progress;
        this.events = events;
        this.store = store;
        this.estimates = estimates;
        this.channels = channels;
        this.templates = templates;
        this.clock = clock;
    }

    /** The template a campaign sends, by name and language. */
    public record TemplateRef(String name, String language) {
    }

    /**
     * What a campaign is made of, its list given either as CSV text or as records (one a recipient, mapping the CSV's
     * columns to values).
     *
     * @param channel the {@code phone_number_id} to send from
     */
    record Draft(String name, String channel, TemplateRef template, Optional<String> csv,
            Optional<List<Map<String, String>>> records) {
    }

    /** A campaign with what it is sent from and with, its recipients counted, and its estimate. */
    record Details(Campaign campaign, Channel channel, Template template, Map<String, Long> counts,
            CampaignEstimates.CampaignEstimate estimate, CampaignProgress.Counts progress) {
    }

    /** A campaign in a list, with its recipients counted. */
    record Summary(Campaign campaign, String channel, Optional<Template> template, Map<String, Long> counts) {
    }

    /**
     * Creates a draft campaign with every recipient of its list, and its estimate, in one transaction.
     *
     * @throws Refusal if a part is missing, the channel or the template is not the account's, or the template is not
     *     approved
     * @throws dev.janela.core.FileFormatException naming every bad line, if the list has any; nothing is stored
     */
    @Transactional
    public Details create(Caller caller, Draft draft) {
        List<FieldError> problems = new ArrayList<>();
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            problems.add(new FieldError("name", "is required: at most " + MAX_NAME + " characters"));
        }
        if (draft.channel() == null || draft.channel().isBlank()) {
            problems.add(new FieldError("channel", "is required: the phone_number_id to send from"));
        }
        if (draft.template() == null || blank(draft.template().name()) || blank(draft.template().language())) {
            problems.add(new FieldError("template", "is required: its name and language"));
        }
        if (draft.csv().isEmpty() && draft.records().isEmpty()) {
            problems.add(new FieldError("recipients", "are required: a CSV file, or a list of objects"));
        }
        Refusal.requireNone(problems);
        Channel channel = channel(caller, draft.channel());
        Template template = approvedTemplate(caller, draft.template());
        RecipientList.Columns columns = columns(template);
        List<RecipientList.Entry> entries = draft.csv().isPresent()
                ? RecipientList.parse("recipients", draft.csv().get(), columns)
                : RecipientList.of("recipients", draft.records().get(), columns);
        List<CampaignStore.Listed> listed = entries.stream().map(entry -> new CampaignStore.Listed(entry.line(),
                entry.handle().orElse(entry.written()), entry.skip().map(RecipientList.Skip::text))).toList();
        CampaignEstimates.CampaignEstimate estimate = estimates.estimate(channel, template, listed);
        Instant now = clock.instant();
        long id = store.add(new CampaignStore.NewCampaign(caller.accountId(), channel.id(), name, template.id(),
                estimates.write(estimate), caller.author(), now));
        store.addRecipients(id, entries, now);
        return details(caller, id);
    }

    /** The columns a list for {@code template} has: {@code recipient}, then its parameters'. */
    public static RecipientList.Columns columns(Template template) {
        return RecipientList.Columns.of(template.header(), template.body());
    }

    /** The account's approved templates, which a campaign may send. */
    public List<Template> approvedTemplates(Caller caller) {
        return templates.list(caller.accountId()).stream()
                .filter(template -> template.status() == TemplateStatus.APPROVED).toList();
    }

    /** The account's campaigns, newest first, each with its recipients counted. */
    public List<Summary> list(Caller caller) {
        List<Campaign> campaigns = store.list(caller.accountId());
        Map<Long, Map<String, Long>> counts = store.countsOf(campaigns.stream().map(Campaign::id).toList());
        Map<Long, Channel> byId = new HashMap<>();
        channels.list(caller.accountId()).forEach(channel -> byId.put(channel.id(), channel));
        Map<Long, Template> templatesById = new HashMap<>();
        templates.list(caller.accountId()).forEach(template -> templatesById.put(template.id(), template));
        return campaigns.stream().map(campaign -> new Summary(campaign,
                Optional.ofNullable(byId.get(campaign.channelId())).map(Channel::phoneNumberId).orElse(""),
                Optional.ofNullable(templatesById.get(campaign.templateId())),
                counts.getOrDefault(campaign.id(), Map.of()))).toList();
    }

    /** The account's campaign {@code id}, with its counts and estimate. */
    public Details details(Caller caller, long id) {
        Campaign campaign = require(caller, id);
        Channel channel = channels.findById(campaign.channelId()).orElseThrow();
        Template template = templates.find(caller.accountId(), campaign.templateId()).orElseThrow();
        return new Details(campaign, channel, template, store.counts(id), estimates.read(store.estimate(id)),
                progress.counts(id));
    }

    /** Writes the campaign's report, a CSV line a recipient with what became of it. */
    public void report(Caller caller, long id, Writer out) throws IOException {
        progress.report(require(caller, id).id(), out);
    }

    /**
     * A page of the campaign's recipients, by line: those after line {@code afterLine}, in {@code state} if given.
     */
    public List<CampaignRecipient> recipients(Caller caller, long id, Optional<String> state, int afterLine,
            int limit) {
        require(caller, id);
        if (state.isPresent() && !List.of(CampaignRecipient.PENDING, CampaignRecipient.SKIPPED,
                CampaignRecipient.ACCEPTED, CampaignRecipient.FAILED).contains(state.get())) {
            throw Refusal.invalid("state", "must be pending, skipped, accepted or failed, not '" + state.get() + "'");
        }
        if (limit < 1 || limit > MOST_A_PAGE) {
            throw Refusal.invalid("limit", "must be from 1 to " + MOST_A_PAGE);
        }
        return store.recipients(id, state, afterLine, limit);
    }

    /**
     * Estimates the campaign again, as it would be sent now: windows open and close, customers opt out.
     *
     * @throws Refusal (conflict) once it has started
     */
    @Transactional
    public Details estimate(Caller caller, long id) {
        Campaign campaign = require(caller, id);
        if (!campaign.state().mayEstimate()) {
            throw conflict(campaign, "estimated again; only a draft or a scheduled campaign is");
        }
        Details details = details(caller, id);
        store.setEstimate(id, estimates.write(estimates.estimate(details.channel(), details.template(),
                store.listed(id))));
        return details(caller, id);
    }

    /**
     * Starts a draft: now, when {@code at} is empty or not after now; else at {@code at}, scheduled till then.
     *
     * @throws Refusal (conflict) unless it is a draft
     */
    @Transactional
    public Details start(Caller caller, long id, Optional<Instant> at) {
        Instant now = clock.instant();
        boolean later = at.isPresent() && at.get().isAfter(now);
        boolean moved = later
                ? store.move(caller.accountId(), id, EnumSet.of(CampaignState.DRAFT), CampaignState.SCHEDULED,
                        ", starts_at = :at", Map.of("at", Instants.param(at.get())))
                : store.move(caller.accountId(), id, EnumSet.of(CampaignState.DRAFT), CampaignState.RUNNING,
                        ", starts_at = :now, started_at = :now",
                        Map.of("now", Instants.param(now)));
        Details started = afterMove(caller, id, moved, "started; only a draft is");
        if (!later) {
            events.started(started.campaign(), now);
        }
        return started;
    }

    /** Pauses a running or scheduled campaign. @throws Refusal (conflict) in any other state */
    @Transactional
    public Details pause(Caller caller, long id) {
        boolean moved = store.move(caller.accountId(), id, EnumSet.of(CampaignState.RUNNING, CampaignState.SCHEDULED),
                CampaignState.PAUSED, "", Map.of());
        return afterMove(caller, id, moved, "paused; only a running or scheduled campaign is");
    }

    /**
     * Resumes a paused campaign: running again if it had started, else scheduled for its time.
     *
     * @throws Refusal (conflict) unless it is paused
     */
    @Transactional
    public Details resume(Caller caller, long id) {
        Set<CampaignState> paused = EnumSet.of(CampaignState.PAUSED);
        boolean moved = store.move(caller.accountId(), id, paused, CampaignState.RUNNING, "",
                Map.of(), " and started_at is not null")
                || store.move(caller.accountId(), id, paused, CampaignState.SCHEDULED, "", Map.of(),
                        " and started_at is null");
        return afterMove(caller, id, moved, "resumed; only a paused campaign is");
    }

    /** Cancels a campaign for good. @throws Refusal (conflict) once it has finished or been cancelled */
    @Transactional
    public Details cancel(Caller caller, long id) {
        boolean moved = store.move(caller.accountId(), id, CampaignState.CANCELLABLE, CampaignState.CANCELLED,
                ", finished_at = :now", Map.of("now", Instants.param(clock.instant())));
        return afterMove(caller, id, moved, "cancelled; it is over already");
    }

    /** Deletes a draft, with its list. @throws Refusal (conflict) unless it is a draft */
    @Transactional
    public void delete(Caller caller, long id) {
        boolean claimed = store.move(caller.accountId(), id, EnumSet.of(CampaignState.DRAFT), CampaignState.DRAFT,
                "", Map.of());
        if (!claimed) {
            throw conflict(require(caller, id), "deleted; only a draft is (cancel it instead)");
        }
        store.delete(id);
    }

    private Details afterMove(Caller caller, long id, boolean moved, String refusal) {
        if (!moved) {
            throw conflict(require(caller, id), refusal);
        }
        return details(caller, id);
    }

    private static Refusal conflict(Campaign campaign, String what) {
        return Refusal.conflict("campaign " + campaign.id() + " is " + campaign.state().wireName()
                + " and cannot be " + what);
    }

    private Campaign require(Caller caller, long id) {
        return store.find(caller.accountId(), id).orElseThrow(() -> Refusal.notFound("campaign " + id));
    }

    private Channel channel(Caller caller, String phoneNumberId) {
        return channels.find(caller.accountId(), phoneNumberId)
                .orElseThrow(() -> Refusal.notFound("channel " + phoneNumberId));
    }

    private Template approvedTemplate(Caller caller, TemplateRef ref) {
        Template template = templates.find(caller.accountId(), ref.name(), ref.language())
                .orElseThrow(() -> Refusal.notFound("template " + ref.name() + " in " + ref.language()));
        if (template.status() != TemplateStatus.APPROVED) {
            throw Refusal.invalid("template", ref.name() + " in " + ref.language() + " is "
                    + template.status().name().toLowerCase(Locale.ROOT)
                    + "; a campaign sends an approved template only");
        }
        return template;
    }

    /** The account's approved template, for the columns of its list. */
    public Template requireApproved(Caller caller, TemplateRef ref) {
        return approvedTemplate(caller, ref);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
