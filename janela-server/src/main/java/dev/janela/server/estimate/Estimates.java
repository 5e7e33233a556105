package dev.janela.server.estimate;

import dev.janela.core.phone.E164;
import dev.janela.server.access.Caller;
import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.conversation.TemplateEstimates;
import dev.janela.server.refusal.FieldError;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.template.Template;
import dev.janela.server.template.Templates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * What sending a template now to each of a list of customers would cost: free inside an open window, else the price
 * of the session it would start, asked of the engine a send goes through. Numbers that cannot be read are listed,
 * not fatal; a number given twice counts once.
 */
@Service
class Estimates {
    /** A campaign larger than this is estimated in parts. */
    static final int MAX_RECIPIENTS = 100_000;

    private final Channels channels;
    private final Templates templates;
    private final TemplateEstimates estimates;
    private final Clock clock;

    Estimates(Channels channels, Templates templates, TemplateEstimates estimates, Clock clock) {
        this.channels = channels;
        this.templates = templates;
        this.estimates = estimates;
        this.clock = clock;
    }

    /** The template to send, by name and language. */
    record TemplateRef(String name, String language) {
    }

    /**
     * What to estimate: the template sent from the channel {@code phone_number_id} to {@code recipients}, numbers as
     * written.
     */
    record Asked(String channel, TemplateRef template, List<String> recipients) {
    }

    /** A recipient that could not be read, by its place in the list (from 1). */
    record InvalidView(int position, String value, String problem) {
    }

    /**
     * The estimate of what {@code asked} would cost now.
     *
     * @throws Refusal if a part is missing, the list is too long, or the channel or the template is not the
     *     account's
     */
    EstimateView estimate(Caller caller, Asked asked) {
        List<FieldError> problems = new ArrayList<>();
        if (asked.channel() == null || asked.channel().isBlank()) {
            problems.add(new FieldError("channel", "is required: the phone_number_id to send from"));
        }
        if (asked.template() == null || asked.template().name() == null || asked.template().language() == null) {
            problems.add(new FieldError("template", "is required: {\"name\",\"language\"}"));
        }
        if (asked.recipients() == null || asked.recipients().isEmpty()) {
            problems.add(new FieldError("recipients", "is required: the customers' numbers"));
        }
        Refusal.requireNone(problems);
        return estimate(caller, asked.channel(), asked.template(), asked.recipients());
    }

    private EstimateView estimate(Caller caller, String phoneNumberId, TemplateRef ref, List<String> recipients) {
        if (recipients.size() > MAX_RECIPIENTS) {
            throw Refusal.invalid(List.of(new FieldError("recipients", "at most " + MAX_RECIPIENTS
                    + " a request; estimate a larger campaign in parts")));
        }
        Channel channel = channels.find(caller.accountId(), phoneNumberId)
                .orElseThrow(() -> Refusal.notFound("channel " + phoneNumberId));
        Template template = templates.find(caller.accountId(), ref.name(), ref.language())
                .orElseThrow(() -> Refusal.notFound("template " + ref.name() + " in " + ref.language()));
        Set<String> waIds = new LinkedHashSet<>();
        List<InvalidView> invalid = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            String value = recipients.get(i) == null ? "" : recipients.get(i);
            E164.Parsed number = E164.parse(value);
            if (number.isValid()) {
                waIds.add(Long.toString(number.digits()));
            } else {
                invalid.add(new InvalidView(i + 1, value, number.problem()));
            }
        }
        Instant at = clock.instant();
        List<TemplateEstimates.Estimate> priced = estimates.now(channel, List.copyOf(waIds), template.category());
        long duplicates = recipients.size() - invalid.size() - waIds.size();
        return EstimateView.of(channel, template, at, priced, invalid, duplicates);
    }

}
