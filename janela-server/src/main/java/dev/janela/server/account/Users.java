package dev.janela.server.account;

import dev.janela.server.access.Role;
import dev.janela.server.jdbc.Instants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The people of each account. A removed user is kept, so that what they wrote still names them. */
@Repository
public class Users {
    private static final String COLUMNS = "id, account_id, email, name, role, created_at, created_by from users";

    private final JdbcClient jdbc;
    private final Clock clock;

    Users(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A user as the API shows them: never their password's hash. */
    public record User(long id, long accountId, String email, String name, Role role, Instant createdAt,
            String createdBy) {
    }

    /** Adds a user; the caller has checked that the address is free. */
    public User add(long accountId, String email, String name, Role role, String passwordHash, String createdBy) {
        Instant now = clock.instant();
        long id = jdbc.sql("insert into users (account_id, email, name, role, password_hash, created_at, created_by)"
                + " values (:account, :email, :name, :role, :hash, :now, :by) returning id")
                .param("account", accountId).param("email", email).param("name", name)
                .param("role", role.wireName()).param("hash", passwordHash).param("now", Instants.param(now))
                .param("by", createdBy).query(Long.class).single();
        return new User(id, accountId, email, name, role, now, createdBy);
    }

    /** The account's user {@code id}, unless removed. */
    public Optional<User> find(long accountId, long id) {
        return jdbc.sql("select " + COLUMNS + " where account_id = :account and id = :id and removed_at is null")
                .param("account", accountId).param("id", id).query(Users::user).optional();
    }

    /** A user who may sign in with a password, and the hash it is checked against. */
    public record SignIn(User user, String passwordHash) {
    }

    /** The user, not removed, whose address is {@code email}, in any account (an address is unique). */
    public Optional<SignIn> findSignIn(String email) {
        return jdbc.sql("select password_hash, " + COLUMNS + " where email = :email and removed_at is null")
                .param("email", email.strip().toLowerCase(Locale.ROOT))
                .query((row, number) -> new SignIn(user(row, number), row.getString("password_hash"))).optional();
    }

    /** Whether the account has any user, removed or not. */
    public boolean anyIn(long accountId) {
        return jdbc.sql("select count(*) from users where account_id = :account").param("account", accountId)
                .query(Long.class).single() > 0;
    }

    /** Whether any user, in any account, has ever had this address (removed ones keep theirs). */
    public boolean emailTaken(String email) {
        return jdbc.sql("select count(*) from users where email = :email").param("email", email)
                .query(Long.class).single() > 0;
    }

    /** The account's users, oldest first, without the removed ones. */
    public List<User> list(long accountId) {
        return jdbc.sql("select " + COLUMNS + " where account_id = :account and removed_at is null order by id")
                .param("account", accountId).query(Users::user).list();
    }

    /** How many admins the account has but for {@code except}. */
    public long admins(long accountId, long except) {
        return jdbc.sql("select count(*) from users where account_id = :account and role = :role"
                + " and removed_at is null and id <> :except")
                .param("account", accountId).param("role", Role.ADMIN.wireName()).param("except", except)
                .query(Long.class).single();
    }

    public void update(long id, String name, Role role) {
        jdbc.sql("update users set name = :name, role = :role where id = :id").param("name", name)
                .param("role", role.wireName()).param("id", id).update();
    }

    public void setPasswordHash(long id, String passwordHash) {
        jdbc.sql("update users set password_hash = :hash where id = :id").param("hash", passwordHash)
                .param("id", id).update();
    }

    public void remove(long id) {
        jdbc.sql("update users set removed_at = :now where id = :id")
                .param("now", Instants.param(clock.instant())).param("id", id).update();
    }

    private static User user(ResultSet row, int number) throws SQLException {
        return new User(row.getLong("id"), row.getLong("account_id"), row.getString("email"), row.getString("name"),
                Role.fromWireName(row.getString("role")).orElseThrow(), Instants.read(row, "created_at"),
                row.getString("created_by"));
    }
}
