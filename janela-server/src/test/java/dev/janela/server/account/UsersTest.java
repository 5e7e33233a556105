package dev.janela.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janela.server.testfixtures.Api;
import dev.janela.server.testfixtures.JanelaServerTest;
import dev.janela.server.testfixtures.Response;
import dev.janela.server.testfixtures.TestServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Users, their roles and passwords, and tokens: made, listed, revoked, and never locking an account out. */
@JanelaServerTest
class UsersTest {
    @Autowired
    private TestServer server;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private Passwords passwords;

    private Api admin;

    @BeforeEach
    void newAccount() {
        admin = server.newAccount();
    }

    @Test
    void aUser_isAddedWithAHashedPassword_thatNoAnswerShows() {
        String email = unique("Ana.Souza");
        Response added = admin.post("/api/users", Map.of("email", email, "name", "Ana Souza", "role", "agent",
                "password", "correct horse battery"));

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(added.json().path("password").isNull()).isTrue();
        assertThat(admin.get("/api/users").body()).contains(email.toLowerCase()).doesNotContain("password_hash")
                .doesNotContain("correct horse");
        String hash = jdbc.sql("select password_hash from users where email = :email")
                .param("email", email.toLowerCase()).query(String.class).single();
        assertThat(hash).startsWith("$2").doesNotContain("correct horse");
        assertThat(passwords.matches("correct horse battery", hash)).isTrue();
    }

    @Test
    void withoutAPassword_JanelaMakesOne_andShowsItOnce() {
        Response added = admin.post("/api/users", Map.of("email", unique("bia"), "name", "Bia", "role", "analyst"));

        String made = added.json().path("password").asString();
        assertThat(made).hasSize(24);
        assertThat(passwords.matches(made, jdbc.sql("select password_hash from users where id = :id")
                .param("id", added.json().path("id").asLong()).query(String.class).single())).isTrue();
        assertThat(admin.get("/api/users").body()).doesNotContain(made);
    }

    @Test
    void aUser_isRefusedNamingEveryBadField_orAsADuplicate() {
        Response invalid = admin.post("/api/users", Map.of("email", "not an address", "name", " ", "role",
                "owner", "password", "short"));
        String email = unique("dup");
        admin.post("/api/users", Map.of("email", email, "name", "Dup", "role", "agent"));
        Response duplicate = server.newAccount().post("/api/users", Map.of("email", email.toUpperCase(), "name",
                "Dup", "role", "agent"));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fields(invalid)).containsExactly("email", "name", "role", "password");
        assertThat(invalid.json().path("fields").path(0).path("message").asString())
                .isEqualTo("is not an e-mail address such as ana@example.com");
        assertThat(invalid.json().path("fields").path(2).path("message").asString())
                .isEqualTo("'owner' is not a role; one of admin, agent, analyst");
        assertThat(duplicate.status()).isEqualTo(409);
    }

    @Test
    void aUsersToken_actsWithTheUsersRoleAsItIsNow() {
        Api agent = admin.addUser(unique("carla"), "agent");
        long id = userId(agent);
        assertThat(agent.get("/api/charges").status()).isEqualTo(403);

        admin.patch("/api/users/" + id, Map.of("role", "analyst"));

        assertThat(agent.get("/api/charges").status()).isEqualTo(200);
        assertThat(admin.get("/api/tokens").json().path("tokens").valueStream()
                .filter(token -> token.path("user_id").asLong() == id)
                .map(token -> token.path("role").asString()).toList()).containsExactly("analyst");
    }

    @Test
    void aRevokedToken_isRefusedAtTheNextRequest() {
        Response made = admin.post("/api/tokens", Map.of("name", "crm", "role", "agent"));
        Api crm = admin.withToken(made.json().path("token").asString());
        assertThat(crm.get("/api/channels").status()).isEqualTo(200);

        assertThat(admin.delete("/api/tokens/" + made.json().path("id").asLong()).status()).isEqualTo(204);

        assertThat(crm.get("/api/channels").status()).isEqualTo(401);
        assertThat(admin.get("/api/tokens").json().path("tokens").valueStream()
                .filter(token -> token.path("name").asString().equals("crm"))
                .map(token -> token.path("revoked_at").isNull()).toList()).containsExactly(false);
        assertThat(admin.get("/api/tokens").body()).doesNotContain(made.json().path("token").asString());
    }

    @Test
    void aRemovedUser_losesEveryTokenAtOnce_andKeepsTheirNameOnWhatTheyWrote() {
        Api agent = admin.addUser(unique("dora"), "agent");
        String channel = admin.addChannel();
        admin.uploadRates(TestServer.BRAZIL_RATES);
        admin.approvedTemplate("welcome", "en", "marketing", "Welcome!");
        String wamid = agent.sendTemplate(channel, "5521987650601", "welcome", "en").json().path("messages")
                .path(0).path("id").asString();

        assertThat(admin.delete("/api/users/" + userId(agent)).status()).isEqualTo(204);

        assertThat(agent.get("/api/channels").status()).isEqualTo(401);
        assertThat(admin.get("/api/users").body()).doesNotContain("dora");
        assertThat(jdbc.sql("select author from messages where wamid = :wamid").param("wamid", wamid)
                .query(String.class).single()).startsWith("dora");
    }

    @Test
    void writes_nameWhoMadeThem() {
        Api analyst = admin.addUser(unique("eva"), "analyst");
        Api otherAdmin = admin.addUser(unique("fabio"), "admin");
        String channel = otherAdmin.addChannel();
        long template = otherAdmin.post("/api/templates", Map.of("name", "hello", "language", "en", "category",
                "utility", "body", "Hello")).json().path("id").asLong();

        Response approved = admin.post("/api/templates/" + template + "/approve", "{}");

        assertThat(approved.json().path("created_by").asString()).startsWith("fabio");
        assertThat(approved.json().path("reviewed_by").asString()).isEqualTo("test admin");
        assertThat(analyst.get("/api/channels").json().path("channels").valueStream()
                .filter(found -> found.path("phone_number_id").asString().equals(channel))
                .map(found -> found.path("created_by").asString()).toList()).singleElement()
                .satisfies(author -> assertThat(author).startsWith("fabio"));
    }

    @Test
    void theLastAdmin_cannotBeDemotedRemovedOrRevoked() {
        long adminToken = admin.get("/api/tokens").json().path("tokens").path(0).path("id").asLong();
        assertThat(admin.delete("/api/tokens/" + adminToken).status()).as("the only admin token").isEqualTo(409);

        Api ana = admin.addUser(unique("ana"), "admin");
        assertThat(admin.delete("/api/tokens/" + adminToken).status()).isEqualTo(204);
        assertThat(admin.get("/api/channels").status()).isEqualTo(401);

        Response demoted = ana.patch("/api/users/" + userId(ana), Map.of("role", "agent"));
        Response removed = ana.delete("/api/users/" + userId(ana));

        assertThat(demoted.status()).isEqualTo(409);
        assertThat(demoted.errorCode()).isEqualTo("conflict");
        assertThat(removed.status()).isEqualTo(409);
        assertThat(ana.get("/api/users").status()).isEqualTo(200);
    }

    @Test
    void anyoneMayMakeAndRevokeTheirOwnTokens_butNotAnothersUnlessAdmin() {
        Api agent = admin.addUser(unique("gil"), "agent");
        Api other = admin.addUser(unique("hana"), "agent");

        Response own = agent.post("/api/users/" + userId(agent) + "/tokens", Map.of("name", "laptop"));
        Response theirs = agent.post("/api/users/" + userId(other) + "/tokens", Map.of("name", "laptop"));
        Response revokeTheirs = agent.delete("/api/tokens/" + tokenIdOf(other));
        Response revokeOwn = agent.delete("/api/tokens/" + own.json().path("id").asLong());

        assertThat(own.status()).isEqualTo(201);
        assertThat(own.json().path("role").asString()).isEqualTo("agent");
        assertThat(theirs.status()).isEqualTo(403);
        assertThat(revokeTheirs.status()).isEqualTo(403);
        assertThat(revokeOwn.status()).isEqualTo(204);
        assertThat(agent.withToken(own.json().path("token").asString()).get("/api/channels").status())
                .isEqualTo(401);
    }

    @Test
    void anotherAccountsUsersAndTokens_areNotFound() {
        Api other = server.newAccount();
        Api theirAgent = other.addUser(unique("ivo"), "agent");

        assertThat(admin.patch("/api/users/" + userId(theirAgent), Map.of("role", "admin")).status())
                .isEqualTo(404);
        assertThat(admin.delete("/api/users/" + userId(theirAgent)).status()).isEqualTo(404);
        assertThat(admin.delete("/api/tokens/" + tokenIdOf(theirAgent)).status()).isEqualTo(404);
        assertThat(theirAgent.get("/api/channels").status()).isEqualTo(200);
    }

    private long userId(Api user) {
        return server.userId(user);
    }

    private long tokenIdOf(Api user) {
        return jdbc.sql("select id from api_tokens where token_hash = :hash")
                .param("hash", ApiTokens.hash(user.token())).query(Long.class).single();
    }

    private static String unique(String name) {
        return name + "." + UUID.randomUUID() + "@example.com";
    }

    private static List<String> fields(Response refusal) {
        return refusal.json().path("fields").valueStream().map(field -> field.path("field").asString()).toList();
    }
}
