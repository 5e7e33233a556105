package dev.janela.server.ui;

import dev.janela.server.account.Accounts;
import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout shows: who is signed in, with which role, in which account, on which channel. */
@ControllerAdvice(annotations = WebPages.class)
class Layout {
    private final Accounts accounts;
    private final Channels channels;
    private final ChosenChannel chosen;

    Layout(Accounts accounts, Channels channels, ChosenChannel chosen) {
        this.accounts = accounts;
        this.channels = channels;
        this.chosen = chosen;
    }

    /** The layout's facts; absent on the sign-in page, where nobody is signed in yet. */
    record Frame(Caller me, String account, List<Channel> channels, Channel channel) {
    }

    @ModelAttribute("frame")
    Frame frame(HttpServletRequest request) {
        if (request.getAttribute(Caller.class.getName()) == null) {
            return null;
        }
        Caller me = Caller.of(request);
        Optional<Channel> channel = chosen.find(request);
        return new Frame(me, accounts.name(me.accountId()), channels.list(me.accountId()), channel.orElse(null));
    }
}
