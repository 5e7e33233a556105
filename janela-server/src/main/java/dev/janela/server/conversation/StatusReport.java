package dev.janela.server.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A delivery report, from Meta's status webhooks or from a connector that reports by itself.
 *
 * @param wamid the message's id: Janela's, or the one Meta gave it
 * @param errorCode the platform's error code, for failures
 * @param callbackData what Meta echoes from the send ({@code biz_opaque_callback_data}): Janela's id for the
 *     message, which recognises it when Meta's answer to the send was lost
 * @param pricing how Meta priced the message, when the report says
 */
public record StatusReport(String wamid, MessageState state, Instant at, Optional<Integer> errorCode,
        Optional<String> callbackData, Optional<MetaPricing> pricing) {
    public StatusReport {
        Objects.requireNonNull(wamid, "wamid");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(callbackData, "callbackData");
        Objects.requireNonNull(pricing, "pricing");
    }

    /** A report of the state only, as Janela's own connectors and operators make. */
    public static StatusReport of(String wamid, MessageState state, Instant at) {
        return new StatusReport(wamid, state, at, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A failure with the platform's error code. */
    public static StatusReport failed(String wamid, Instant at, int errorCode) {
        return new StatusReport(wamid, MessageState.FAILED, at, Optional.of(errorCode), Optional.empty(),
                Optional.empty());
    }
}
