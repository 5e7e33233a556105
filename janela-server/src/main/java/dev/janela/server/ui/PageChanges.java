package dev.janela.server.ui;

import dev.janela.server.refusal.Refusal;
import java.util.function.Supplier;
import org.springframework.ui.Model;

/** A change a page's form asks for, which the API's own use case makes, and may refuse. */
public final class PageChanges {
    private PageChanges() {
    }

    /**
     * Makes {@code change}, then sends the browser to {@code then}; if the use case refuses it, shows {@code page}
     * again with the refusal (answered 200, as a form with mistakes is: the browser would report an error status as
     * a failure to load the page).
     */
    public static String attempt(Runnable change, String then, Model model, Supplier<String> page) {
        try {
            change.run();
            return "redirect:" + then;
        } catch (Refusal refusal) {
            model.addAttribute("refusal", refusal);
            return page.get();
        }
    }
}
