package dev.janela.server.channel;

import dev.janela.core.phone.E164;
import dev.janela.core.phone.PhoneCountries;
import dev.janela.core.phone.WrittenNumbers;
import dev.janela.server.access.Caller;
import dev.janela.server.refusal.FieldError;
import dev.janela.server.refusal.Reason;
import dev.janela.server.refusal.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account's numbers as its admins add and change them. */
@Service
public class ChannelService {
    private static final Pattern PHONE_NUMBER_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");

    private final Channels channels;

    ChannelService(Channels channels) {
        this.channels = channels;
    }

    /**
     * A number to add.
     *
     * @param phoneNumberId Meta's id of the number
     * @param number the number as people write it ({@code +55 11 98765-4321})
     * @param country where it is registered, which prices its sessions; by default the number's country
     */
    public record NewChannel(String phoneNumberId, String number, String country) {
    }

    @Transactional
    public Channel add(Caller caller, NewChannel request) {
        List<FieldError> problems = new ArrayList<>();
        String expected = "Meta's id of the number, up to 64 letters, digits, _ or -";
        if (request.phoneNumberId() == null || request.phoneNumberId().isEmpty()) {
            problems.add(new FieldError("phone_number_id", "is required: " + expected));
        } else if (!PHONE_NUMBER_ID.matcher(request.phoneNumberId()).matches()) {
            problems.add(new FieldError("phone_number_id", "is not " + expected));
        }
        E164.Parsed number = WrittenNumbers.parse(request.number());
        if (!number.isValid()) {
            problems.add(new FieldError("number", number.problem()));
        }
        String country = request.country() == null ? null : request.country().toUpperCase(Locale.ROOT);
        if (country != null && !PhoneCountries.isCountryCode(country)) {
            problems.add(new FieldError("country", "is not an ISO 3166-1 alpha-2 country code such as BR"));
        }
        Refusal.requireNone(problems);
        if (channels.findByPhoneNumberId(request.phoneNumberId()).isPresent()) {
            throw Refusal.conflict("a channel with phone_number_id " + request.phoneNumberId() + " exists already");
        }
        String registeredIn = country != null ? country : PhoneCountries.countryOf(number.digits());
        return channels.add(caller.accountId(), request.phoneNumberId(), E164.format(number.digits()), registeredIn,
                caller.author());
    }

    /** Sets how many messages a second the number may send, once Meta has upgraded it. */
    @Transactional
    public Channel setThroughput(Caller caller, String phoneNumberId, Integer throughput) {
        Channel channel = channels.find(caller.accountId(), phoneNumberId).orElseThrow(() ->
                new Refusal(Reason.NOT_FOUND, "there is no channel with phone_number_id " + phoneNumberId));
        String expected = "from 1 to " + Channel.MAX_THROUGHPUT + " messages a second (Meta's default is "
                + Channel.DEFAULT_THROUGHPUT + ")";
        if (throughput == null) {
            throw Refusal.invalid("throughput", "is required: " + expected);
        }
        if (throughput < 1 || throughput > Channel.MAX_THROUGHPUT) {
            throw Refusal.invalid("throughput", "must be " + expected + ", not " + throughput);
        }
        channels.setThroughput(channel.id(), throughput);
        return channels.find(channel.accountId(), phoneNumberId).orElseThrow();
    }
}
