package io.teamscpe.polling.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.teamscpe.platform.audit.AuditZip;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The SQL of this service's part of a session's audit bundle: the polls with their inclusion and history
 * ({@code polls.json}), and every uploaded export (replaced ones too) exactly as uploaded with its SHA-256.
 */
@ApplicationScoped
public class AuditStore {
    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public AuditStore(EntityManager em, AgroalDataSource dataSource, ObjectMapper json) {
        this.em = em;
        this.dataSource = dataSource;
        this.json = json;
    }

    /** One poll of polls.json, with its history as poll_history holds it. */
    public record PollSummary(String pollId, String question, Boolean included, String excludedReason, int responseCount,
                       JsonNode history) {
    }

    /** Adds the session's polls and files to {@code zip}. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public void write(AuditZip zip, String sessionId) {
        try {
            List<Object[]> polls = em.createNativeQuery("""
                    select p.id::text, p.question, p.included, p.excluded_reason, p.response_count,
                        coalesce((select json_agg(json_build_object('revision', h.revision, 'action', h.action,
                            'detail', h.detail, 'actor', h.actor, 'at', h.at) order by h.id)::text
                            from poll_history h where h.poll_id = p.id), '[]')
                    from poll p where p.session_id = ?1 order by p.id""").setParameter(1, sessionId).getResultList();
            List<PollSummary> summary = polls.stream().map(p -> new PollSummary((String) p[0], (String) p[1],
                    (Boolean) p[2], (String) p[3], ((Number) p[4]).intValue(), readJson((String) p[5]))).toList();
            zip.add("polls.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(summary));
            writeFiles(zip, sessionId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams the files from the database one by one (never a whole file set in memory). */
    private void writeFiles(AuditZip zip, String sessionId) throws IOException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     select poll_id, revision, file_name, sha256, current, content from poll_file
                     where session_id = ? order by poll_id, revision""")) {
            s.setString(1, sessionId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String name = "files/" + rs.getString(1) + "/r" + rs.getInt(2)
                            + (rs.getBoolean(5) ? "" : "-replaced") + "-" + rs.getString(3).replaceAll("[\\\\/]", "_");
                    try (InputStream content = rs.getBinaryStream(6)) {
                        zip.add(name, content);
                    }
                    zip.add(name + ".sha256", rs.getString(4) + "  " + rs.getString(3) + "\n");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the session's poll files", e);
        }
    }

    private JsonNode readJson(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
