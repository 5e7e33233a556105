package dev.janela.server.sandbox;

import dev.janela.core.customer.Bsuid;
import dev.janela.core.phone.E164;
import dev.janela.core.phone.WrittenNumbers;
import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.channel.Channel;
import dev.janela.server.conversation.CustomerIds;
import dev.janela.server.conversation.Customers;
import dev.janela.server.inbox.Inbox;
import dev.janela.server.layout.ChosenChannel;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.ui.Htmx;
import dev.janela.server.ui.WebPages;
import dev.janela.server.web.Allowed;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /sandbox}: a phone on which a user plays a customer of the chosen channel, so that the whole flow (a customer
 * writes, an agent answers, the window counts down) can be tried without Meta. What the customer types arrives as a
 * signed webhook would ({@link InboundMessages}).
 */
@WebPages
class SandboxPages {
    private static final int THREAD = 50;

    private final SandboxCustomers customers;
    private final Customers customerNames;
    private final Inbox inbox;
    private final ChosenChannel chosen;

    SandboxPages(SandboxCustomers customers, Customers customerNames, Inbox inbox, ChosenChannel chosen) {
        this.customerNames = customerNames;
        this.customers = customers;
        this.inbox = inbox;
        this.chosen = chosen;
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @GetMapping("/sandbox")
    String phone(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String username, Caller caller, HttpServletRequest request,
            Model model) {
        Optional<Channel> channel = chosen.find(request);
        model.addAttribute("from", from);
        model.addAttribute("name", name);
        model.addAttribute("username", username);
        String written = from.strip();
        boolean bsuid = Bsuid.looksLikeOne(written);
        E164.Parsed number = WrittenNumbers.parse(written);
        Optional<String> problem = bsuid ? Bsuid.problem(written) : number.problemText();
        model.addAttribute("problem", written.isEmpty() ? null : problem.orElse(null));
        if (channel.isPresent() && !written.isEmpty() && problem.isEmpty()) {
            String identifier = bsuid ? written : Long.toString(number.digits());
            addCustomer(model, identifier, username);
            model.addAttribute("messages", thread(channel.get(), identifier));
            if (!Htmx.isHtmx(request)) {
                // Only the whole page's header names the customer: not the thread, refreshed every few seconds.
                model.addAttribute("shown", shown(caller, identifier, username));
            }
        }
        return Htmx.isHtmx(request) && model.containsAttribute("messages") ? "sandbox :: thread" : "sandbox";
    }

    /** The customer writes {@code text}; answers with the phone's thread. */
    @Allowed({Role.ADMIN, Role.AGENT})
    @PostMapping("/sandbox/messages")
    String write(@RequestParam String from, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String username, @RequestParam String text, Caller caller,
            HttpServletRequest request, Model model) {
        Channel channel = chosen.find(request).orElseThrow(() -> Refusal.notFound("channel"));
        SandboxCustomers.Received received = customers.write(caller, channel.phoneNumberId(),
                new SandboxCustomers.Written(from, null, username, text, name));
        addCustomer(model, received.identifier(), username);
        model.addAttribute("name", name);
        model.addAttribute("messages", thread(channel, received.identifier()));
        return "sandbox :: thread";
    }

    /** Who the phone plays: found by {@code identifier}. */
    private static void addCustomer(Model model, String identifier, String username) {
        model.addAttribute("waId", identifier);
        model.addAttribute("username", username);
    }

    /**
     * How the phone's header names the customer: by the name their profile showed last, else their number, username
     * or BSUID.
     */
    private String shown(Caller caller, String identifier, String username) {
        return customerNames.name(caller.accountId(), identifier).orElseGet(() -> CustomerIds.shown(identifier,
                Optional.of(username.strip()).filter(name -> !name.isEmpty())));
    }

    /** The conversation as the customer's phone shows it, oldest first. */
    private List<Inbox.Message> thread(Channel channel, String identifier) {
        return inbox.conversation(channel, identifier).map(found -> inbox.latestMessages(found.id(), THREAD))
                .orElse(List.of());
    }
}
