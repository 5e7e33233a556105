package dev.janela.bench.crash;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the server shows through its native API once traffic has stopped: every conversation's messages (in the order
 * they were written, which is the order they were decided in, since a conversation's decisions are serialised), the
 * ledger as CSV, and every window.
 *
 * @param messages each customer's messages, oldest first
 * @param ledger every ledger row, as the CSV gives it
 * @param windows each customer's window as the server answers now
 */
record ServerView(Map<String, List<StoredMessage>> messages, List<LedgerRow> ledger, Map<String, Window> windows) {
    /** A message as the API lists it. */
    record StoredMessage(long id, String wamid, String waId, String direction, String type, Instant at,
            String state) {
        boolean isInbound() {
            return direction.equals("in");
        }
    }

    /** A ledger row as the CSV gives it. */
    record LedgerRow(String eventId, Instant at, String customer, String market, String category, BigDecimal amount,
            String cause) {
        boolean isReversal() {
            return cause.endsWith(":reversal");
        }
    }

    /** The current session as the window shows it. */
    record Session(String type, String status, Instant openedAt, String openedBy) {
    }

    /** A conversation's window as the server answers for it, at {@code at}. */
    record Window(boolean open, Optional<Instant> expiresAt, Optional<Session> session, Instant at) {
    }

    private static final int PAGE = 200;

    /** Reads it all: the customers listed in the inbox, and {@code customers} whether listed or not. */
    static ServerView read(JanelaClient client, String phoneNumberId, List<String> customers) throws IOException {
        String channel = "/api/channels/" + phoneNumberId + "/conversations";
        Set<String> everyone = new LinkedHashSet<>(customers);
        everyone.addAll(listed(client, channel));
        Map<String, List<StoredMessage>> messages = new TreeMap<>();
        Map<String, Window> windows = new TreeMap<>();
        for (String waId : everyone) {
            messages.put(waId, messages(client, channel + "/" + waId, waId));
            windows.put(waId, window(client, channel + "/" + waId + "/window"));
        }
        return new ServerView(messages, ledger(client), windows);
    }

    /** How many messages it shows, all conversations together. */
    long messageCount() {
        return messages.values().stream().mapToLong(List::size).sum();
    }

    private static List<String> listed(JanelaClient client, String path) throws IOException {
        List<String> waIds = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = Json.object(expect(client.get(path + "?limit=" + PAGE
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
                    "application/json"), path));
            for (Object item : (List<?>) page.get("conversations")) {
                waIds.add((String) member(member(item, "customer"), "wa_id"));
            }
            cursor = (String) page.get("next");
        } while (cursor != null);
        return waIds;
    }

    private static List<StoredMessage> messages(JanelaClient client, String path, String waId) throws IOException {
        List<StoredMessage> messages = new ArrayList<>();
        Object before = null;
        do {
            JanelaClient.Answer answer = client.get(path + "/messages?limit=" + PAGE
                    + (before == null ? "" : "&before=" + before), "application/json");
            if (answer.status() == 404) {
                return messages;
            }
            Map<String, Object> page = Json.object(expect(answer, path));
            for (Object item : (List<?>) page.get("messages")) {
                messages.add(new StoredMessage(((BigDecimal) member(item, "id")).longValueExact(),
                        (String) member(item, "wamid"), waId, (String) member(item, "direction"),
                        (String) member(item, "type"), Instant.parse((String) member(item, "at")),
                        (String) member(item, "state")));
            }
            before = page.get("next");
        } while (before != null);
        messages.sort(Comparator.comparingLong(StoredMessage::id));
        return messages;
    }

    private static Window window(JanelaClient client, String path) throws IOException {
        Map<String, Object> window = Json.object(expect(client.get(path, "application/json"), path));
        Object session = window.get("session");
        return new Window(Boolean.TRUE.equals(window.get("open")),
                Optional.ofNullable((String) window.get("window_expires_at")).map(Instant::parse),
                Optional.ofNullable(session).map(found -> new Session((String) member(found, "type"),
                        (String) member(found, "status"), Instant.parse((String) member(found, "opened_at")),
                        (String) member(found, "opened_by"))),
                Instant.parse((String) window.get("at")));
    }

    private static List<LedgerRow> ledger(JanelaClient client) throws IOException {
        String csv = expect(client.get("/api/charges", "text/csv"), "/api/charges");
        List<LedgerRow> rows = new ArrayList<>();
        String[] lines = csv.split("\r?\n");
        // id,event_id,at,channel,customer,market,category,amount,currency,rate_card_version,cause
        for (int index = 1; index < lines.length; index++) {
            String[] fields = lines[index].split(",", -1);
            if (fields.length != 11) {
                throw new IOException("a ledger line has " + fields.length + " fields, not 11: " + lines[index]);
            }
            rows.add(new LedgerRow(fields[1], Instant.parse(fields[2]), fields[4], fields[5], fields[6],
                    new BigDecimal(fields[7]), fields[10]));
        }
        return rows;
    }

    private static Object member(Object object, String name) {
        return ((Map<?, ?>) object).get(name);
    }

    private static String expect(JanelaClient.Answer answer, String path) throws IOException {
        if (answer.status() != 200) {
            throw new IOException(path + " answered " + answer.status() + ": " + Json.abbreviated(answer.body()));
        }
        return answer.body();
    }
}
