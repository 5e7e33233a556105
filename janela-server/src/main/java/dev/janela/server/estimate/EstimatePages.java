package dev.janela.server.estimate;

import dev.janela.core.phone.E164;
import dev.janela.core.phone.WrittenNumbers;
import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.ui.WebPages;
import dev.janela.server.web.Allowed;
import java.util.Arrays;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Billing page's estimate: what sending a template to a list of customers would cost now, priced as
 * {@code POST /api/estimates} prices it. The list is pasted, one number a line (or separated by commas).
 */
@WebPages
class EstimatePages {
    private final Estimates estimates;

    EstimatePages(Estimates estimates) {
        this.estimates = estimates;
    }

    /**
     * {@code template} is the template's name and language, as {@code order_update:en}; the channel is
     * {@code phoneNumberId}, since {@code channel} would switch the channel the user works on.
     */
    @Allowed({Role.ADMIN, Role.ANALYST})
    @PostMapping("/billing/estimate")
    String estimate(@RequestParam String phoneNumberId, @RequestParam String template, @RequestParam String recipients,
            Caller caller, Model model) {
        String[] nameAndLanguage = template.split(":", 2);
        Estimates.TemplateRef ref = new Estimates.TemplateRef(nameAndLanguage[0],
                nameAndLanguage.length > 1 ? nameAndLanguage[1] : null);
        List<String> numbers = Arrays.stream(recipients.split("[\\n,;]")).map(String::strip)
                .filter(number -> !number.isEmpty()).map(EstimatePages::asWaId).toList();
        model.addAttribute("estimate", estimates.estimate(caller, new Estimates.Asked(phoneNumberId, ref, numbers)));
        return "billing :: estimate";
    }

    /** A number as people write it ({@code +55 11 98765-4321}) as the API reads it; an unreadable one as typed. */
    private static String asWaId(String written) {
        E164.Parsed number = WrittenNumbers.parse(written);
        return number.isValid() ? "+" + number.digits() : written;
    }
}
