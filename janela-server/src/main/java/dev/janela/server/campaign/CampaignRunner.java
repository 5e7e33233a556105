package dev.janela.server.campaign;

import dev.janela.core.conversation.TemplateCategory;
import dev.janela.server.access.Caller;
import dev.janela.server.access.Role;
import dev.janela.server.channel.Channel;
import dev.janela.server.channel.Channels;
import dev.janela.server.cluster.ClusterJobs;
import dev.janela.server.config.CampaignSettings;
import dev.janela.server.consent.Consent;
import dev.janela.server.consent.MessagingLimits;
import dev.janela.server.operations.JanelaMetrics;
import dev.janela.server.refusal.Reason;
import dev.janela.server.refusal.Refusal;
import dev.janela.server.send.Sends;
import dev.janela.server.template.Template;
import dev.janela.server.template.TemplateStatus;
import dev.janela.server.template.Templates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends running campaigns, one node of the cluster at a time (the holder of the {@value #JOB} job): it starts each
 * scheduled campaign when its time comes, and in each second sends each running campaign's next recipients, as many as
 * its channel's throughput allows, through the same path as the Cloud API's sends ({@link Sends}).
 *
 * <ul>
 * <li>A recipient becomes {@code accepted} in the transaction that stores its message, and only if it was still
 *     pending and its campaign running: a restart, another node, a pause or a cancel never sends one twice, nor sends
 *     one once paused.</li>
 * <li>Marketing templates skip opted-out customers and those over the account's cap, checked when each is sent.</li>
 * <li>Meta's messaging limit: a recipient the account has not reached in the moving 24 hours is sent only while
 *     fewer than the limit have been; past it the campaign waits, and sends again as the 24 hours move on.</li>
 * <li>A send the queue cannot take now (the number's throughput, Meta's pair limit) is left pending and tried again
 *     once the list's end is reached; any other refusal fails that recipient, with Meta's code, for good.</li>
 * </ul>
 */
@Component
public class CampaignRunner implements InitializingBean, DisposableBean {
    /** The cluster job whose holder runs the campaigns. */
    static final String JOB = "campaigns";
    /** How long a runner that stopped asking keeps the job, before another node takes it. */
    private static final Duration HOLD_TERM = Duration.ofSeconds(6);
    private static final Duration IDLE_NAP = Duration.ofSeconds(1);
    private static final Duration SHORTEST_NAP = Duration.ofMillis(20);
    /** Sends in flight at once: enough for the sends' group commit to fill its batches. */
    private static final int IN_FLIGHT = 16;
    /** Why a campaign waits, as {@code campaigns.waiting} and the pages say it. */
    static final String MESSAGING_LIMIT = "messaging_limit";
    static final String TEMPLATE_NOT_APPROVED = "template_not_approved";
    private static final Set<Reason> LATER = Set.of(Reason.THROUGHPUT_REACHED, Reason.PAIR_RATE_LIMIT,
            Reason.UNAVAILABLE);
    private static final Logger LOG = LoggerFactory.getLogger(CampaignRunner.class);

    private final RecipientQueue queue;
    private final CampaignStore campaigns;
    private final CampaignMessages bodies;
    private final CampaignEvents events;
    private final ClusterJobs jobs;
    private final Channels channels;
    private final Templates templates;
    private final Sends sends;
    private final Consent consent;
    private final MessagingLimits limits;
    private final JanelaMetrics metrics;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final CampaignSettings settings;
    /** Where each running campaign's pass through its list has got to: recipients left pending lie behind it. */
    private final Map<Long, Long> listPosition = new HashMap<>();
    /** How many sends of each channel's were stored in each second, for the seconds this node still paces. */
    private final Map<Long, Map<Long, Integer>> sentInSecond = new HashMap<>();
    private final Object nap = new Object();
    private ExecutorService senders;
    private Thread thread;
    private volatile boolean running;

    CampaignRunner(RecipientQueue queue, CampaignStore campaigns, CampaignMessages bodies, CampaignEvents events,
            ClusterJobs jobs, Channels channels, Templates templates, Sends sends, Consent consent,
            MessagingLimits limits, JanelaMetrics metrics, Clock clock, PlatformTransactionManager transactions,
            CampaignSettings settings) {
        this.settings = settings;
        this.queue = queue;
        this.campaigns = campaigns;
        this.bodies = bodies;
        this.events = events;
        this.jobs = jobs;
        this.channels = channels;
        this.templates = templates;
        this.sends = sends;
        this.consent = consent;
        this.limits = limits;
        this.metrics = metrics;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void afterPropertiesSet() {
        AtomicInteger number = new AtomicInteger();
        senders = Executors.newFixedThreadPool(IN_FLIGHT, runnable -> {
            Thread sender = new Thread(runnable, "janela-campaign-" + number.incrementAndGet());
            sender.setDaemon(true);
            return sender;
        });
        if (!settings.runInBackground()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "janela-campaigns");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        synchronized (nap) {
            nap.notifyAll();
        }
        if (thread != null) {
            thread.join(IDLE_NAP.multipliedBy(5).toMillis());
        }
        senders.shutdown();
        jobs.letGo(JOB);
    }

    /** What a pass did: how many it sent, and whether a campaign still had room in this second to send more. */
    record Pass(int sent, boolean moreNow) {
        static final Pass NOTHING = new Pass(0, false);
    }

    private void run() {
        while (running) {
            Pass pass;
            try {
                pass = pass();
            } catch (RuntimeException failure) {
                LOG.error("A campaign pass failed; the next will try again", failure);
                pass = Pass.NOTHING;
            }
            Duration wait = pass.moreNow() ? SHORTEST_NAP : pass.sent() > 0 ? untilNextSecond() : IDLE_NAP;
            synchronized (nap) {
                try {
                    nap.wait(Math.max(1, wait.toMillis()));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private Duration untilNextSecond() {
        Instant now = clock.instant();
        return Duration.between(now, Instant.ofEpochSecond(now.getEpochSecond() + 1)).plus(SHORTEST_NAP);
    }

    /**
     * One pass, if this node holds the job: starts the campaigns whose time has come, and sends each running one's
     * next recipients, as many as its channel may send in this second.
     */
    synchronized Pass pass() {
        // an idle server only reads: holding the job writes, which on the embedded store takes its one write lock
        if (!queue.anyToRun(clock.instant()) || !jobs.hold(JOB, HOLD_TERM)) {
            listPosition.clear();
            return Pass.NOTHING;
        }
        for (Campaign due : campaigns.due(clock.instant())) {
            start(due);
        }
        int sent = 0;
        boolean moreNow = false;
        Set<Long> stillRunning = new HashSet<>();
        for (Campaign campaign : campaigns.inState(CampaignState.RUNNING)) {
            stillRunning.add(campaign.id());
            Pass one = send(campaign);
            sent += one.sent();
            moreNow |= one.moreNow();
        }
        listPosition.keySet().retainAll(stillRunning);
        return new Pass(sent, moreNow);
    }

    private void start(Campaign campaign) {
        Instant now = clock.instant();
        boolean started = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!campaigns.startDue(campaign.id(), now)) {
                return false;
            }
            events.started(campaign, now);
            return true;
        }));
        if (started) {
            LOG.info("Campaign {} ({}) started", campaign.id(), campaign.name());
        }
    }

    private Pass send(Campaign campaign) {
        Optional<Channel> channel = channels.findById(campaign.channelId());
        Optional<Template> template = templates.find(campaign.accountId(), campaign.templateId());
        if (channel.isEmpty() || template.isEmpty()) {
            return Pass.NOTHING;
        }
        if (template.get().status() != TemplateStatus.APPROVED) {
            wait(campaign, Optional.of(TEMPLATE_NOT_APPROVED));
            return Pass.NOTHING;
        }
        Instant now = clock.instant();
        int room = channel.get().throughput() - sentInSecond(channel.get().id(), now.getEpochSecond());
        if (room <= 0) {
            return Pass.NOTHING;
        }
        long after = listPosition.getOrDefault(campaign.id(), 0L);
        List<CampaignRecipient> next = campaigns.pending(campaign.id(), after, room);
        if (next.isEmpty() && after > 0) {
            // past the list's end: those an earlier pass left pending (the queue could not take them) go now
            next = campaigns.pending(campaign.id(), 0, room);
        }
        if (next.isEmpty()) {
            finish(campaign);
            return Pass.NOTHING;
        }
        listPosition.put(campaign.id(), next.get(next.size() - 1).id());
        Limits allowed = limits(campaign, template.get(), now);
        List<CampaignRecipient> toSend = new ArrayList<>();
        for (CampaignRecipient recipient : next) {
            Optional<String> skip = allowed.skip(recipient.recipient());
            if (skip.isPresent()) {
                queue.skip(recipient.id(), skip.get(), now);
                metrics.campaignRecipient("skipped", skip.get());
            } else if (!allowed.mayReach(recipient.recipient())) {
                // the list's order is kept: this one, and those after it, wait for the 24 hours to move on
                listPosition.put(campaign.id(), recipient.id() - 1);
                break;
            } else {
                toSend.add(recipient);
            }
        }
        wait(campaign, allowed.full() ? Optional.of(MESSAGING_LIMIT) : Optional.empty());
        Map<Sent, Integer> outcomes = sendAll(campaign, channel.get(), template.get(), toSend);
        int sent = outcomes.getOrDefault(Sent.ACCEPTED, 0);
        // what the queue could not take now is tried again in a later second, not at once
        boolean moreNow = !allowed.full() && sent < room && !outcomes.containsKey(Sent.LATER);
        return new Pass(sent, moreNow);
    }

    /** What became of one send. */
    private enum Sent {
        /** Stored, and handed to the connector. */
        ACCEPTED,
        /** Refused for now (the number's throughput, the pair limit): left pending. */
        LATER,
        /** Refused for good, or sent meanwhile by another. */
        NOT_SENT
    }

    /** Sends to {@code recipients}, several at once, and counts what became of them. */
    private Map<Sent, Integer> sendAll(Campaign campaign, Channel channel, Template template,
            List<CampaignRecipient> recipients) {
        Caller caller = new Caller(campaign.accountId(), Optional.empty(), Optional.empty(), Role.ADMIN,
                "campaign: " + campaign.name());
        List<CompletableFuture<Outcome>> inFlight = new ArrayList<>();
        for (CampaignRecipient recipient : recipients) {
            inFlight.add(CompletableFuture.supplyAsync(() -> sendOne(caller, channel, template, recipient), senders));
        }
        Map<Sent, Integer> outcomes = new EnumMap<>(Sent.class);
        for (CompletableFuture<Outcome> send : inFlight) {
            Outcome outcome = send.join();
            outcomes.merge(outcome.sent(), 1, Integer::sum);
            outcome.at().ifPresent(at -> count(channel.id(), at.getEpochSecond()));
        }
        return outcomes;
    }

    /** What became of one send, and when it was stored if it was. */
    private record Outcome(Sent sent, Optional<Instant> at) {
    }

    private Outcome sendOne(Caller caller, Channel channel, Template template, CampaignRecipient recipient) {
        byte[] body;
        try {
            body = bodies.sendBody(template, recipient);
        } catch (IllegalArgumentException changed) {
            // the list was read for the template's parameters, which an edit since may have changed
            queue.fail(recipient.id(), Reason.TEMPLATE_PARAM_COUNT_MISMATCH.metaCode(), changed.getMessage(),
                    clock.instant());
            metrics.campaignRecipient("failed", Integer.toString(Reason.TEMPLATE_PARAM_COUNT_MISMATCH.metaCode()));
            return new Outcome(Sent.NOT_SENT, Optional.empty());
        }
        try {
            Sends.Delivered delivered = sends.decide(caller, channel, body, stored -> {
                if (!queue.accept(recipient.id(), stored.sent().wamid(), stored.sent().at())) {
                    throw new Refusal(Reason.CONFLICT, "the recipient was sent, paused or cancelled meanwhile");
                }
            }, refused -> {
                if (isFinal(refused)) {
                    queue.fail(recipient.id(), refused.reason().metaCode(), refused.getMessage(), clock.instant());
                }
            });
            sends.deliver(channel, delivered);
            metrics.campaignRecipient("accepted", "");
            return new Outcome(Sent.ACCEPTED, Optional.of(delivered.sent().at()));
        } catch (Refusal refused) {
            if (isFinal(refused)) {
                metrics.campaignRecipient("failed", Integer.toString(refused.reason().metaCode()));
            }
            return new Outcome(LATER.contains(refused.reason()) ? Sent.LATER : Sent.NOT_SENT, Optional.empty());
        } catch (RuntimeException failure) {
            LOG.warn("A send of {} to recipient {} failed, and is tried again later: {}", caller.author(),
                    recipient.id(), failure.toString());
            return new Outcome(Sent.LATER, Optional.empty());
        }
    }

    /** Whether a refusal fails the recipient for good: not one that passes, nor one that says another sent it. */
    private static boolean isFinal(Refusal refused) {
        return refused.reason() != Reason.CONFLICT && !LATER.contains(refused.reason());
    }

    private void finish(Campaign campaign) {
        Instant now = clock.instant();
        boolean finished = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!queue.finishIfDone(campaign.id(), now)) {
                return false;
            }
            events.finished(campaign, now);
            return true;
        }));
        if (finished) {
            listPosition.remove(campaign.id());
            LOG.info("Campaign {} ({}) finished", campaign.id(), campaign.name());
        }
    }

    private void wait(Campaign campaign, Optional<String> why) {
        if (!campaign.waiting().equals(why)) {
            queue.waiting(campaign.id(), why);
        }
    }

    private int sentInSecond(long channelId, long second) {
        Map<Long, Integer> seconds = sentInSecond.computeIfAbsent(channelId, id -> new HashMap<>());
        seconds.keySet().removeIf(earlier -> earlier < second);
        return seconds.getOrDefault(second, 0);
    }

    private void count(long channelId, long second) {
        sentInSecond.computeIfAbsent(channelId, id -> new HashMap<>()).merge(second, 1, Integer::sum);
    }

    /** Who of a campaign's recipients may be sent now, read once a pass. */
    private Limits limits(Campaign campaign, Template template, Instant now) {
        boolean marketing = template.category() == TemplateCategory.MARKETING;
        Set<String> optedOut = marketing ? consent.optedOut(campaign.accountId()) : Set.of();
        Set<String> overCap = marketing ? consent.overCap(campaign.accountId(), now) : Set.of();
        OptionalInt limit = limits.limit(campaign.accountId());
        MessagingLimits.Reached reachedNow = limit.isPresent() ? limits.reached(campaign.accountId(), now)
                : new MessagingLimits.Reached(0, Set.of());
        return new Limits(optedOut, overCap, limit, reachedNow.handles(), reachedNow.customers());
    }

    /** The sets a pass checks its recipients against, and the room left under the messaging limit. */
    private static final class Limits {
        private final Set<String> optedOut;
        private final Set<String> overCap;
        private final OptionalInt limit;
        private final Set<String> alreadyReached;
        private int customers;
        private boolean full;

        Limits(Set<String> optedOut, Set<String> overCap, OptionalInt limit, Set<String> alreadyReached,
                int customers) {
            this.optedOut = optedOut;
            this.overCap = overCap;
            this.limit = limit;
            this.alreadyReached = alreadyReached;
            this.customers = customers;
        }

        Optional<String> skip(String recipient) {
            if (optedOut.contains(recipient)) {
                return Optional.of("opted_out");
            }
            return overCap.contains(recipient) ? Optional.of("over_cap") : Optional.empty();
        }

        /**
         * Whether a send to {@code recipient} stays within the messaging limit, counting it as reached if it is new:
         * a customer whose window is open is not counted by Meta, and is counted here, which errs on the safe side.
         */
        boolean mayReach(String recipient) {
            if (limit.isEmpty() || alreadyReached.contains(recipient)) {
                return true;
            }
            if (customers >= limit.getAsInt()) {
                full = true;
                return false;
            }
            customers++;
            return true;
        }

        boolean full() {
            return full;
        }
    }
}
