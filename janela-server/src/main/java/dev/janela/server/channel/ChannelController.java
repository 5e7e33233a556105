package dev.janela.server.channel;

import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.web.Allowed;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/channels}: the account's numbers. */
@RestController
class ChannelController {
    private final ChannelService service;
    private final Channels channels;

    ChannelController(ChannelService service, Channels channels) {
        this.service = service;
        this.channels = channels;
    }

    /** A channel as the API shows it. */
    record ChannelView(String phoneNumberId, String number, String country, Instant createdAt, String createdBy,
            int throughput) {
        static ChannelView of(Channel channel) {
            return new ChannelView(channel.phoneNumberId(), channel.number(), channel.country(), channel.createdAt(),
                    channel.createdBy(), channel.throughput());
        }
    }

    /** What a client may change of a channel: its throughput, once Meta has upgraded the number. */
    record ChannelSettings(Integer throughput) {
    }

    record ChannelList(List<ChannelView> channels) {
    }

    @Allowed({Role.ADMIN})
    @PostMapping("/api/channels")
    @ResponseStatus(HttpStatus.CREATED)
    ChannelView add(@RequestBody ChannelService.NewChannel request, Caller caller) {
        return ChannelView.of(service.add(caller, request));
    }

    @Allowed({Role.ADMIN})
    @PatchMapping("/api/channels/{phoneNumberId}")
    ChannelView change(@PathVariable String phoneNumberId, @RequestBody ChannelSettings request, Caller caller) {
        return ChannelView.of(service.setThroughput(caller, phoneNumberId, request.throughput()));
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @GetMapping("/api/channels")
    ChannelList list(Caller caller) {
        return new ChannelList(channels.list(caller.accountId()).stream().map(ChannelView::of).toList());
    }
}
