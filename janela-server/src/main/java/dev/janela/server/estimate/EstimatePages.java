package dev.janela.server.estimate;

import dev.janela.core.phone.E164;
import dev.janela.server.account.Role;
import dev.janela.server.ui.WebPages;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.WrittenNumbers;
import jakarta.servlet.http.HttpServletRequest;
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
    private final EstimateController estimates;

    EstimatePages(EstimateController estimates) {
        this.estimates = estimates;
    }

    /**
     * {@code template} is the template's name and language, as {@code order_update:en}; the channel is
     * {@code phoneNumberId}, since {@code channel} would switch the channel the user works on.
     */
    @Allowed({Role.ADMIN, Role.ANALYST})
    @PostMapping("/billing/estimate")
    String estimate(@RequestParam String phoneNumberId, @RequestParam String template, @RequestParam String recipients,
            HttpServletRequest request, Model model) {
        String[] nameAndLanguage = template.split(":", 2);
        EstimateController.TemplateRef ref = new EstimateController.TemplateRef(nameAndLanguage[0],
                nameAndLanguage.length > 1 ? nameAndLanguage[1] : null);
        List<String> numbers = Arrays.stream(recipients.split("[\\n,;]")).map(String::strip)
                .filter(number -> !number.isEmpty()).map(EstimatePages::asWaId).toList();
        model.addAttribute("estimate", estimates.estimate(new EstimateController.EstimateRequest(phoneNumberId, ref,
                numbers), request));
        return "billing :: estimate";
    }

    /** A number as people write it ({@code +55 11 98765-4321}) as the API reads it; an unreadable one as typed. */
    private static String asWaId(String written) {
        E164.Parsed number = WrittenNumbers.parse(written);
        return number.isValid() ? "+" + number.digits() : written;
    }
}
