package dev.janela.server.layout;

import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.web.Callers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The channel a signed-in user works on: the one they chose with the layout's switcher ({@code ?channel=}, kept in
 * their session), else the account's first.
 */
@Component
public class ChosenChannel {
    private static final String ATTRIBUTE = ChosenChannel.class.getName();

    private final Channels channels;

    ChosenChannel(Channels channels) {
        this.channels = channels;
    }

    public Optional<Channel> find(HttpServletRequest request) {
        return among(channels.list(Callers.of(request).accountId()), request);
    }

    /** The chosen one of {@code all}, the account's channels, which the caller has read already. */
    Optional<Channel> among(List<Channel> all, HttpServletRequest request) {
        String chosen = Optional.ofNullable(request.getParameter("channel"))
                .or(() -> Optional.ofNullable(request.getSession(false))
                        .map(session -> (String) session.getAttribute(ATTRIBUTE)))
                .orElse("");
        Optional<Channel> channel = all.stream().filter(each -> each.phoneNumberId().equals(chosen)).findFirst()
                .or(() -> all.stream().findFirst());
        channel.ifPresent(found -> remember(request.getSession(), found));
        return channel;
    }

    /** Makes {@code channel} the user's choice, as when a page of one of its conversations is opened. */
    public void remember(HttpSession session, Channel channel) {
        session.setAttribute(ATTRIBUTE, channel.phoneNumberId());
    }
}
