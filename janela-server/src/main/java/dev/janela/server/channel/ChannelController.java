package dev.janela.server.channel;

import dev.janela.core.phone.E164;
import dev.janela.core.phone.PhoneCountries;
import dev.janela.server.account.Role;
import dev.janela.server.web.Allowed;
import dev.janela.server.web.ApiErrorCode;
import dev.janela.server.web.ApiException;
import dev.janela.server.web.ApiException.FieldError;
import dev.janela.server.web.Caller;
import dev.janela.server.web.WrittenNumbers;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
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
    private static final Pattern PHONE_NUMBER_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");

    private final Channels channels;

    ChannelController(Channels channels) {
        this.channels = channels;
    }

    /** What a client sends to add a channel; {@code country} defaults to the number's. */
    record NewChannel(String phoneNumberId, String number, String country) {
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
    @Transactional
    ChannelView add(@RequestBody NewChannel request, HttpServletRequest http) {
        Caller caller = Caller.of(http);
        List<FieldError> problems = new ArrayList<>();
        if (request.phoneNumberId() == null || !PHONE_NUMBER_ID.matcher(request.phoneNumberId()).matches()) {
            problems.add(new FieldError("phone_number_id", "is required: Meta's id of the number, up to 64 letters,"
                    + " digits, _ or -"));
        }
        E164.Parsed number = WrittenNumbers.parse(request.number());
        if (!number.isValid()) {
            problems.add(new FieldError("number", number.problem()));
        }
        String country = request.country() == null ? null : request.country().toUpperCase(Locale.ROOT);
        if (country != null && !PhoneCountries.isCountryCode(country)) {
            problems.add(new FieldError("country", "is not an ISO 3166-1 alpha-2 country code such as BR"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        if (channels.findByPhoneNumberId(request.phoneNumberId()).isPresent()) {
            throw new ApiException(ApiErrorCode.CONFLICT, "a channel with phone_number_id " + request.phoneNumberId()
                    + " exists already");
        }
        String registeredIn = country != null ? country : PhoneCountries.countryOf(number.digits());
        return ChannelView.of(channels.add(caller.accountId(), request.phoneNumberId(), E164.format(number.digits()),
                registeredIn, caller.author()));
    }

    @Allowed({Role.ADMIN})
    @PatchMapping("/api/channels/{phoneNumberId}")
    @Transactional
    ChannelView change(@PathVariable String phoneNumberId, @RequestBody ChannelSettings request,
            HttpServletRequest http) {
        Channel channel = channels.find(Caller.of(http).accountId(), phoneNumberId).orElseThrow(() ->
                new ApiException(ApiErrorCode.NOT_FOUND, "there is no channel with phone_number_id " + phoneNumberId));
        Integer throughput = request.throughput();
        if (throughput == null || throughput < 1 || throughput > Channel.MAX_THROUGHPUT) {
            throw ApiException.invalid(List.of(new FieldError("throughput", "is required: messages a second, from 1"
                    + " to " + Channel.MAX_THROUGHPUT + " (Meta's default is " + Channel.DEFAULT_THROUGHPUT + ")")));
        }
        channels.setThroughput(channel.id(), throughput);
        return ChannelView.of(channels.find(channel.accountId(), phoneNumberId).orElseThrow());
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.ANALYST})
    @GetMapping("/api/channels")
    ChannelList list(HttpServletRequest http) {
        return new ChannelList(channels.list(Caller.of(http).accountId()).stream().map(ChannelView::of).toList());
    }
}
