package dev.janela.server.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Janela sends events to the business's receivers, from {@code janela.webhooks.*} properties or the matching
 * environment variables ({@code JANELA_WEBHOOKS_MAX_ATTEMPTS}...).
 *
 * @param deliverInBackground whether a worker thread sends what is due (default true); without it nothing is sent
 *     but by calling {@code OutboxDelivery.deliverDue()}
 * @param pollInterval how often the worker looks for events due, besides right after each commit that wrote some:
 *     retries fall due as time passes, and other processes over the same database write events too (default 5 s)
 * @param connectTimeout how long a receiver may take to accept the connection (default 5 s)
 * @param requestTimeout how long a receiver may take to answer (default 10 s)
 * @param firstRetry how long a failed event waits before its second attempt; each failure doubles it (default 10 s)
 * @param maxRetryDelay the longest wait between two attempts (default 1 h)
 * @param maxAttempts after this many failed attempts an event is failed for good (default 32: with the delays
 *     above, about a day of trying, long enough for a receiver's night-long outage)
 * @param keepFor how long a delivered or failed event stays in the delivery log, to be read or redelivered
 *     (default 30 days); then it is deleted
 */
@ConfigurationProperties("janela.webhooks")
public record DeliverySettings(@DefaultValue("true") boolean deliverInBackground,
        @DefaultValue("5s") Duration pollInterval, @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout, @DefaultValue("10s") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetryDelay, @DefaultValue("32") int maxAttempts,
        @DefaultValue("30d") Duration keepFor) {

    public DeliverySettings {
        requirePositive("poll-interval", pollInterval);
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("request-timeout", requestTimeout);
        requirePositive("first-retry", firstRetry);
        requirePositive("max-retry-delay", maxRetryDelay);
        requirePositive("keep-for", keepFor);
        if (maxRetryDelay.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("janela.webhooks.max-retry-delay (" + maxRetryDelay + ") must be at"
                    + " least janela.webhooks.first-retry (" + firstRetry + ")");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("janela.webhooks.max-attempts must be at least 1, was " + maxAttempts);
        }
    }

    /**
     * How long an event being sent is kept from the other processes: longer than an attempt may take, so that only
     * an event whose sender died meanwhile is sent again.
     */
    public Duration lease() {
        return connectTimeout.plus(requestTimeout).multipliedBy(2);
    }

    private static void requirePositive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("janela.webhooks." + key + " must be a positive duration such as 10s,"
                    + " was " + value);
        }
    }
}
