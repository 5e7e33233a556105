package dev.janela.server.plan;

import dev.janela.core.meta.Pmp2026Model;
import dev.janela.server.channel.Channel;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Each business number's free service messages under {@code pmp-2026}: how many of the month's allowance its service
 * messages have used, per calendar month of the account's time zone.
 */
@Service
public class FreeServiceMessages {
    private final PricingPlans plans;
    private final UsageCounts usageCounts;
    private final Clock clock;

    FreeServiceMessages(PricingPlans plans, UsageCounts usageCounts, Clock clock) {
        this.plans = plans;
        this.usageCounts = usageCounts;
        this.clock = clock;
    }

    /**
     * One business number's allowance in one month.
     *
     * @param channel the channel's phone number id
     * @param number the business number, E.164
     * @param month the calendar month, {@code 2026-11}
     * @param used how many of its free service messages were used
     * @param of how many it has
     */
    public record Use(String channel, String number, String month, long used, long of) {
        /** Whether none are left. */
        public boolean usedUp() {
            return used >= of;
        }
    }

    /** The allowance of each of {@code channels} this month, where {@code pmp-2026} prices them now; else none. */
    public List<Use> thisMonth(long accountId, List<Channel> channels) {
        Instant now = clock.instant();
        PricingPlans.Stored stored = plans.stored(accountId);
        YearMonth month = YearMonth.from(now.atZone(stored.zone()));
        // The plan's models are the account's; a channel only changes the markets, so one channel's plan says it.
        if (channels.isEmpty() || !plans.planOf(channels.get(0)).at(now).model().name().equals(Pmp2026Model.NAME)) {
            return List.of();
        }
        return uses(accountId, channels, List.of(month), stored.meta().freeServiceMessages());
    }

    /**
     * The allowance of each of {@code channels} in each month that {@code from} to {@code to} touches, where it
     * counted any service message.
     */
    public List<Use> between(long accountId, List<Channel> channels, Instant from, Instant to) {
        PricingPlans.Stored stored = plans.stored(accountId);
        List<YearMonth> months = new ArrayList<>();
        YearMonth last = YearMonth.from(to.minusNanos(1).atZone(stored.zone()));
        for (YearMonth month = YearMonth.from(from.atZone(stored.zone())); !month.isAfter(last);
                month = month.plusMonths(1)) {
            months.add(month);
        }
        List<Use> uses = uses(accountId, channels, months, stored.meta().freeServiceMessages());
        return uses.stream().filter(use -> use.used() > 0).toList();
    }

    private List<Use> uses(long accountId, List<Channel> channels, List<YearMonth> months, long free) {
        Map<String, Long> counted = usageCounts.countedByPart(accountId, Pmp2026Model.SERVICE_COUNTER, months);
        List<Use> uses = new ArrayList<>();
        for (YearMonth month : months) {
            for (Channel channel : channels) {
                long units = counted.getOrDefault(month + " " + channel.number(), 0L);
                uses.add(new Use(channel.phoneNumberId(), channel.number(), month.toString(), Math.min(units, free),
                        free));
            }
        }
        return uses;
    }
}
