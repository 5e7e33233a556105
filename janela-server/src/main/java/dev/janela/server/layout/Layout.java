package dev.janela.server.layout;

import dev.janela.server.access.Caller;
import dev.janela.server.account.Accounts;
import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.ui.Htmx;
import dev.janela.server.ui.WebPages;
import dev.janela.server.web.Callers;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
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

    /**
     * The layout's facts; absent on the sign-in page, where nobody is signed in yet, and for htmx, whose fragments
     * have no layout (the inbox refreshes every few seconds: this would cost each refresh three queries).
     */
    record Frame(Caller me, String account, List<Channel> channels, Channel channel) {
    }

    @ModelAttribute("frame")
    Frame frame(HttpServletRequest request) {
        if (Htmx.isHtmx(request)) {
            return null;
        }
        return Callers.find(request).map(me -> frame(me, request)).orElse(null);
    }

    private Frame frame(Caller me, HttpServletRequest request) {
        List<Channel> all = channels.list(me.accountId());
        return new Frame(me, accounts.name(me.accountId()), all, chosen.among(all, request).orElse(null));
    }
}
