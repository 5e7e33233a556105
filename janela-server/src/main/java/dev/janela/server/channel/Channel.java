package dev.janela.server.channel;

import java.time.Instant;

/**
 * One business number.
 *
 * @param id Janela's id
 * @param accountId the account that owns it
 * @param phoneNumberId Meta's id for the number, which webhooks and sends name
 * @param number the number, E.164 with {@code +}
 * @param country the country it is registered in, which prices its sessions by default
 * @param createdBy who added it: a user's e-mail address or a token's name
 * @param throughput how many messages a second Meta lets it send (80 unless Meta raised it)
 */
public record Channel(long id, long accountId, String phoneNumberId, String number, String country,
        Instant createdAt, String createdBy, int throughput) {
    /** Meta's throughput for a number it has not upgraded. */
    public static final int DEFAULT_THROUGHPUT = 80;
    /** The most Meta lets a number send a second. */
    public static final int MAX_THROUGHPUT = 1000;
}
