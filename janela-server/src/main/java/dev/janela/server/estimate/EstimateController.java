package dev.janela.server.estimate;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.web.Allowed;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/estimates}: what sending a template now to each of a list of customers would cost: free inside an
 * open window, else the price of the session it would start. The list comes as JSON, or as a CSV upload (one number
 * a line, a header line allowed). Numbers that cannot be read are listed, not fatal; a number given twice counts once.
 */
@RestController
class EstimateController {
    private final Estimates estimates;

    EstimateController(Estimates estimates) {
        this.estimates = estimates;
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @PostMapping(path = "/api/estimates", consumes = "application/json")
    EstimateView estimate(@RequestBody Estimates.Asked request, Caller caller) {
        return estimates.estimate(caller, request);
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @PostMapping(path = "/api/estimates", consumes = {"text/csv", "text/plain"})
    EstimateView estimateCsv(@RequestBody String csv, @RequestParam String channel, @RequestParam String template,
            @RequestParam String language, Caller caller) {
        List<String> lines = csv.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (!lines.isEmpty() && lines.get(0).chars().anyMatch(Character::isLetter)) {
            lines = lines.subList(1, lines.size());
        }
        if (lines.isEmpty()) {
            throw Refusal.invalid("recipients", "the CSV has no numbers, one a line");
        }
        return estimates.estimate(caller, new Estimates.Asked(channel, new Estimates.TemplateRef(template, language),
                lines.stream().map(line -> line.split(",", 2)[0].strip()).toList()));
    }
}
