package dev.janela.server.conversation;

import dev.janela.core.session.Session;
import dev.janela.core.session.SessionStatus;
import dev.janela.core.session.SessionType;
import dev.janela.server.jdbc.Instants;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** A session as a row of the {@code sessions} table stores it, for every query that reads one. */
public final class SessionRows {
    private SessionRows() {
    }

    /**
     * The session in {@code row}'s columns {@code type}, {@code status}, {@code opened_at} and {@code opened_by};
     * empty when {@code type} is null (an outer join that found none).
     */
    public static Optional<Session> read(ResultSet row) throws SQLException {
        String type = row.getString("type");
        if (type == null) {
            return Optional.empty();
        }
        return Optional.of(new Session(SessionType.valueOf(type), SessionStatus.valueOf(row.getString("status")),
                Instants.read(row, "opened_at"), row.getString("opened_by")));
    }
}
