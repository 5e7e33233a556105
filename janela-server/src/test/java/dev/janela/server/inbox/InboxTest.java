package dev.janela.server.inbox;

import static dev.janela.server.testfixtures.TestServer.START;
import static dev.janela.server.testfixtures.Webhooks.payload;
import static dev.janela.server.testfixtures.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.core.testfixtures.TestClock;
import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The shared inbox: conversations newest first with their windows, filters, assignment, messages and notes. */
@JanelaServerTest
class InboxTest {
    private static final String FIRST = "5521987651001";
    private static final String SECOND = "5521987651002";
    private static final String THIRD = "5521987651003";

    @Autowired
    private TestServer server;
    @Autowired
    private TestClock clock;

    private Api admin;
    private Api ana;
    private Api bia;
    private String channel;

    /** Two customers who wrote an hour apart, and a third who was sent a template and has not answered. */
    @BeforeEach
    void threeConversations() {
        admin = server.anAccount()
                .withApprovedTemplate("welcome", "en", "marketing", "Welcome!").build();
        channel = admin.channel();
        ana = admin.addUser("ana." + UUID.randomUUID() + "@example.com", "agent");
        bia = admin.addUser("bia." + UUID.randomUUID() + "@example.com", "agent");
        customerWrites(FIRST, START, "Where is my order?");
        customerWrites(SECOND, START.plus(Duration.ofHours(1)), "Hi");
        clock.set(START.plus(Duration.ofHours(2)));
        admin.sendTemplate(channel, THIRD, "welcome", "en");
    }

    @Test
    void conversations_comeNewestFirst_withTheirWindowsAndLastMessages() {
        JsonNode page = conversations("");

        assertThat(customers(page)).containsExactly(THIRD, SECOND, FIRST);
        JsonNode third = page.path("conversations").path(0);
        assertThat(third.path("open").asBoolean()).isFalse();
        assertThat(third.path("session").path("type").asString()).isEqualTo("business_initiated");
        assertThat(third.path("session").path("status").asString()).isEqualTo("pending");
        assertThat(third.path("last_message").path("direction").asString()).isEqualTo("out");
        JsonNode first = page.path("conversations").path(2);
        assertThat(first.path("open").asBoolean()).isTrue();
        assertThat(Instant.parse(first.path("window_expires_at").asString()))
                .isEqualTo(START.plus(Duration.ofHours(24)));
        assertThat(first.path("customer").path("name").asString()).isEqualTo("Customer " + FIRST);
        assertThat(first.path("last_message").path("body").asString()).isEqualTo("Where is my order?");
    }

    @Test
    void filters_findOpenWindows_andNumbersOrNames() {
        assertThat(customers(conversations("?filter=open"))).containsExactly(SECOND, FIRST);
        assertThat(customers(conversations("?q=%2B" + SECOND))).containsExactly(SECOND);
        assertThat(customers(conversations("?q=customer"))).containsExactly(SECOND, FIRST);
        assertThat(customers(conversations("?q=100%25"))).isEmpty();
    }

    @Test
    void aNumberWrittenAsPeopleWriteIt_isFoundByItsDigits() {
        assertThat(customers(conversations("?q=" + encoded("+55 21 98765-1002")))).containsExactly(SECOND);
        assertThat(customers(conversations("?q=" + encoded("98765-1002")))).containsExactly(SECOND);
        assertThat(customers(conversations("?q=" + encoded("(21) 98765")))).containsExactly(THIRD, SECOND, FIRST);
        assertThat(customers(conversations("?q=" + encoded("Customer 5521")))).containsExactly(SECOND, FIRST);
    }

    @Test
    void conversations_areAssignedTransferredAndReleased() {
        long anaId = userId(ana);
        assign(FIRST, anaId);

        assertThat(customers(ana.get(path("?filter=mine")).json())).containsExactly(FIRST);
        assertThat(customers(conversations("?filter=unassigned"))).containsExactly(THIRD, SECOND);
        assertThat(conversations("").path("conversations").path(2).path("assigned_to").path("user_id").asLong())
                .isEqualTo(anaId);

        assign(FIRST, userId(bia));
        assertThat(customers(ana.get(path("?filter=mine")).json())).isEmpty();
        assertThat(customers(bia.get(path("?filter=mine")).json())).containsExactly(FIRST);

        Response released = ana.post(path("/" + FIRST + "/assignment"), Map.of());
        assertThat(released.json().path("assigned_to").isNull()).isTrue();
        assertThat(customers(conversations("?filter=unassigned"))).containsExactly(THIRD, SECOND, FIRST);
    }

    @Test
    void onlyAUserWhoCanAnswer_andOfThisAccount_isAssigned() {
        Api analyst = admin.addUser("eva." + UUID.randomUUID() + "@example.com", "analyst");
        Api stranger = server.newAccount().addUser("ivo." + UUID.randomUUID() + "@example.com", "agent");

        Response toAnalyst = admin.post(path("/" + FIRST + "/assignment"), Map.of("user_id", userId(analyst)));
        Response toStranger = admin.post(path("/" + FIRST + "/assignment"), Map.of("user_id", userId(stranger)));
        Response mineAsIntegration = admin.get(path("?filter=mine"));

        assertThat(toAnalyst.status()).isEqualTo(400);
        assertThat(toStranger.status()).isEqualTo(400);
        assertThat(mineAsIntegration.status()).isEqualTo(400);
    }

    @Test
    void pages_followTheirCursors() {
        JsonNode first = conversations("?limit=2");
        JsonNode second = conversations("?limit=2&cursor=" + first.path("next").asString());

        assertThat(customers(first)).containsExactly(THIRD, SECOND);
        assertThat(customers(second)).containsExactly(FIRST);
        assertThat(second.path("next").isNull()).isTrue();
    }

    @Test
    void aConversationsMessages_comeNewestFirst_inPages() {
        for (String text : List.of("One", "Two", "Three")) {
            admin.sendText(channel, FIRST, text);
        }

        JsonNode page = admin.get(path("/" + FIRST + "/messages?limit=2")).json();
        JsonNode rest = admin.get(path("/" + FIRST + "/messages?limit=2&before=" + page.path("next").asLong()))
                .json();

        assertThat(bodies(page)).containsExactly("Three", "Two");
        assertThat(bodies(rest)).containsExactly("One", "Where is my order?");
        assertThat(page.path("messages").path(0).path("author").asString()).isEqualTo("test admin");
        assertThat(page.path("messages").path(0).path("state").asString()).isEqualTo("read");
        assertThat(admin.get(path("/" + THIRD + "/messages")).json().path("messages").path(0).path("template")
                .asString()).isEqualTo("welcome");
    }

    @Test
    void notes_areTheTeams_andNameTheirAuthor() {
        Response added = ana.post(path("/" + FIRST + "/notes"), Map.of("text", "VIP: answer within the hour"));
        Response empty = ana.post(path("/" + FIRST + "/notes"), Map.of("text", " "));

        assertThat(added.status()).isEqualTo(201);
        JsonNode note = admin.get(path("/" + FIRST + "/notes")).json().path("notes").path(0);
        assertThat(note.path("text").asString()).isEqualTo("VIP: answer within the hour");
        assertThat(note.path("author").asString()).startsWith("ana.");
        assertThat(empty.status()).isEqualTo(400);
    }

    @Test
    void anUnknownConversation_orAnotherAccountsChannel_isNotFound() {
        assertThat(admin.get(path("/5521987651999/messages")).status()).isEqualTo(404);
        assertThat(server.newAccount().get(path("")).status()).isEqualTo(404);
    }

    private void customerWrites(String customer, Instant at, String body) {
        clock.set(at);
        admin.webhook(payload(channel, List.of(text("wamid.i" + customer + at.getEpochSecond(), customer, at,
                body)), List.of()));
    }

    private void assign(String customer, long userId) {
        Response assigned = admin.post(path("/" + customer + "/assignment"), Map.of("user_id", userId));
        assertThat(assigned.status()).as("%s", assigned).isEqualTo(200);
    }

    private JsonNode conversations(String query) {
        Response page = admin.get(path(query));
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        return page.json();
    }

    private String path(String rest) {
        return "/api/channels/" + channel + "/conversations" + rest;
    }

    private long userId(Api user) {
        return server.userId(user);
    }

    private static String encoded(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static List<String> customers(JsonNode page) {
        return page.path("conversations").valueStream()
                .map(conversation -> conversation.path("customer").path("wa_id").asString()).toList();
    }

    private static List<String> bodies(JsonNode page) {
        return page.path("messages").valueStream().map(message -> message.path("body").asString()).toList();
    }
}
