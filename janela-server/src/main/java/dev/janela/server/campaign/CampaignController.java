package dev.janela.server.campaign;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.refusal.FieldError;
import dev.janela.server.refusal.Fields;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.web.Allowed;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/campaigns}: a template sent to a list. An admin creates one from its list, as JSON or as a CSV body
 * ({@code text/csv}, with {@code name}, {@code channel}, {@code template} and {@code language} in the query): a header
 * line {@code recipient,1,2} naming the template's parameters, then one line a recipient. A list with a bad line is
 * refused whole, every bad line named ({@code line 4}); invalid and repeated recipients are kept, to be skipped. A
 * new campaign is a draft with its estimate; it is then started now or at {@code starts_at}, paused, resumed,
 * cancelled, or (a draft) deleted. Agents and analysts read.
 */
@RestController
class CampaignController {
    private static final int DEFAULT_PAGE = 100;

    private final Campaigns campaigns;

    CampaignController(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    /**
     * A campaign to create.
     *
     * @param channel the {@code phone_number_id} to send from
     * @param recipients one object a recipient: {@code recipient} (a phone number or a BSUID) and each of the
     *     template's parameters by name ({@code "1"}, {@code "first_name"}; {@code "header"} for the header's)
     */
    record NewCampaign(String name, String channel, Campaigns.TemplateRef template,
            List<Map<String, String>> recipients) {
    }

    /** When to start: {@code starts_at}, an ISO-8601 instant; now when absent or past. */
    record Start(String startsAt) {
    }

    record CampaignList(List<CampaignView> campaigns) {
    }

    /** A page of recipients; {@code nextAfter} is the {@code after} of the next page, null after the last. */
    record RecipientPage(List<CampaignView.RecipientView> recipients, Integer nextAfter) {
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @GetMapping("/api/campaigns")
    CampaignList list(Caller caller) {
        return new CampaignList(campaigns.list(caller).stream().map(CampaignView::of).toList());
    }

    @Allowed({Role.ADMIN})
    @PostMapping(path = "/api/campaigns", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    CampaignView create(@RequestBody NewCampaign request, Caller caller) {
        return CampaignView.of(campaigns.create(caller, new Campaigns.Draft(request.name(), request.channel(),
                request.template(), Optional.empty(), Optional.ofNullable(request.recipients()))));
    }

    @Allowed({Role.ADMIN})
    @PostMapping(path = "/api/campaigns", consumes = {"text/csv", "text/plain"})
    @ResponseStatus(HttpStatus.CREATED)
    CampaignView createFromCsv(@RequestBody(required = false) String csv, @RequestParam(required = false) String name,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String template,
            @RequestParam(required = false) String language, Caller caller) {
        return CampaignView.of(campaigns.create(caller, new Campaigns.Draft(name, channel,
                new Campaigns.TemplateRef(template, language), Optional.of(csv == null ? "" : csv),
                Optional.empty())));
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @GetMapping("/api/campaigns/{id}")
    CampaignView get(@PathVariable long id, Caller caller) {
        return CampaignView.of(campaigns.details(caller, id));
    }

    /** The recipients by line, {@code limit} a page (100 unless said, at most 1,000), of one {@code state} or all. */
    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @GetMapping("/api/campaigns/{id}/recipients")
    RecipientPage recipients(@PathVariable long id, @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int after, @RequestParam(required = false) Integer limit,
            Caller caller) {
        int size = Fields.limit(limit, DEFAULT_PAGE, Campaigns.MOST_A_PAGE);
        List<CampaignRecipient> page = campaigns.recipients(caller, id, Optional.ofNullable(state), after, size + 1);
        List<CampaignView.RecipientView> shown = page.stream().limit(size).map(CampaignView.RecipientView::of)
                .toList();
        return new RecipientPage(shown, page.size() > size ? shown.get(size - 1).line() : null);
    }

    /** What became of each recipient, as CSV: a line a recipient, in the list's order. */
    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @GetMapping(path = "/api/campaigns/{id}/report", produces = "text/csv")
    void report(@PathVariable long id, Caller caller, HttpServletResponse response) throws IOException {
        response.setContentType(CampaignProgress.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, CampaignProgress.disposition(id));
        campaigns.report(caller, id, response.getWriter());
    }

    /** Estimates a draft or scheduled campaign again, as it would be sent now. */
    @Allowed({Role.ADMIN})
    @PostMapping("/api/campaigns/{id}/estimate")
    CampaignView estimate(@PathVariable long id, Caller caller) {
        return CampaignView.of(campaigns.estimate(caller, id));
    }

    /** Starts a draft now, or schedules it for {@code starts_at}. */
    @Allowed({Role.ADMIN})
    @PostMapping("/api/campaigns/{id}/start")
    CampaignView start(@PathVariable long id, @RequestBody(required = false) Start start, Caller caller) {
        List<FieldError> problems = new ArrayList<>();
        Optional<Instant> at = Fields.instant("starts_at", start == null ? null : start.startsAt(), problems);
        Refusal.requireNone(problems);
        return CampaignView.of(campaigns.start(caller, id, at));
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/api/campaigns/{id}/pause")
    CampaignView pause(@PathVariable long id, Caller caller) {
        return CampaignView.of(campaigns.pause(caller, id));
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/api/campaigns/{id}/resume")
    CampaignView resume(@PathVariable long id, Caller caller) {
        return CampaignView.of(campaigns.resume(caller, id));
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/api/campaigns/{id}/cancel")
    CampaignView cancel(@PathVariable long id, Caller caller) {
        return CampaignView.of(campaigns.cancel(caller, id));
    }

    /** Deletes a draft with its list; a campaign that has started is cancelled instead. */
    @Allowed({Role.ADMIN})
    @DeleteMapping("/api/campaigns/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, Caller caller) {
        campaigns.delete(caller, id);
    }
}
