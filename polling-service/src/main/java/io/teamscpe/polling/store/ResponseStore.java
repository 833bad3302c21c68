package io.teamscpe.polling.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.teamscpe.polling.StoredResponse;
import io.teamscpe.polling.reconcile.MatchMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * poll_response through batched JDBC on the transaction's connection: a 100,000-response poll is stored in
 * seconds, which entity-by-entity persistence would not do.
 */
@ApplicationScoped
public class ResponseStore {
    private static final int BATCH = 1000;
    private static final TypeReference<List<String>> ANSWERS = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final EntityManager em;
    private final ObjectMapper json;

    public ResponseStore(AgroalDataSource dataSource, EntityManager em, ObjectMapper json) {
        this.dataSource = dataSource;
        this.em = em;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(UUID pollId, List<StoredResponse> responses) {
        em.flush();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement delete = c.prepareStatement("delete from poll_response where poll_id = ?")) {
                delete.setObject(1, pollId);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into poll_response (poll_id, seq, response_id, respondent_email, respondent_name,
                        respondent_key, anonymous, answers, started_at, completed_at, participant_key, professional_id,
                        match_method) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)""")) {
                int pending = 0;
                for (StoredResponse r : responses) {
                    insert.setObject(1, pollId);
                    insert.setInt(2, r.seq());
                    insert.setString(3, r.responseId());
                    insert.setString(4, r.email());
                    insert.setString(5, r.name());
                    insert.setString(6, r.respondentKey());
                    insert.setBoolean(7, r.anonymous());
                    insert.setString(8, write(r.answers()));
                    time(insert, 9, r.startedAt());
                    time(insert, 10, r.completedAt());
                    insert.setString(11, r.participantKey());
                    insert.setString(12, r.professionalId());
                    insert.setString(13, r.matchMethodName());
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the responses of poll " + pollId, e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredResponse> load(UUID pollId) {
        em.flush();
        List<StoredResponse> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("""
                     select seq, response_id, respondent_email, respondent_name, respondent_key, anonymous,
                         answers::text, started_at, completed_at, participant_key, professional_id, match_method
                     from poll_response where poll_id = ? order by seq""")) {
            q.setObject(1, pollId);
            q.setFetchSize(BATCH);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredResponse(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getBoolean(6), read(rs.getString(7)), instant(rs.getTimestamp(8)),
                            instant(rs.getTimestamp(9)), rs.getString(10), rs.getString(11), MatchMethod.of(rs.getString(12))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the responses of poll " + pollId, e);
        }
        return out;
    }

    /** Writes new matches of responses whose match changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void updateMatches(UUID pollId, List<StoredResponse> changed) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement u = c.prepareStatement("""
                     update poll_response set participant_key = ?, professional_id = ?, match_method = ?
                     where poll_id = ? and seq = ?""")) {
            for (StoredResponse r : changed) {
                u.setString(1, r.participantKey());
                u.setString(2, r.professionalId());
                u.setString(3, r.matchMethodName());
                u.setObject(4, pollId);
                u.setInt(5, r.seq());
                u.addBatch();
            }
            u.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update the matches of poll " + pollId, e);
        }
    }

    private static void time(PreparedStatement s, int index, Instant t) throws SQLException {
        if (t == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setTimestamp(index, Timestamp.from(t));
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private String write(List<String> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(String answers) {
        try {
            return json.readValue(answers, ANSWERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
