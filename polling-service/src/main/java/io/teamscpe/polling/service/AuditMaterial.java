package io.teamscpe.polling.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.teamscpe.polling.PollSession;
import io.teamscpe.platform.audit.AuditPart;
import io.teamscpe.platform.audit.AuditZip;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * This service's part of a session's audit bundle: every uploaded Forms export (replaced ones too) exactly as
 * uploaded with its SHA-256, and the polls with their inclusion and the history of who excluded or replaced what.
 */
@ApplicationScoped
public class AuditMaterial implements AuditPart {
    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public AuditMaterial(EntityManager em, AgroalDataSource dataSource, ObjectMapper json) {
        this.em = em;
        this.dataSource = dataSource;
        this.json = json;
    }

    @Override
    @Transactional
    public boolean known(String firmId, String sessionId) {
        return PollSession.findInFirm(firmId, sessionId).isPresent();
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public void write(String sessionId, OutputStream out) {
        try (AuditZip zip = new AuditZip(out)) {
            List<Object[]> polls = em.createNativeQuery("""
                    select p.id::text, p.question, p.included, p.excluded_reason, p.response_count,
                        coalesce((select json_agg(json_build_object('revision', h.revision, 'action', h.action,
                            'detail', h.detail, 'actor', h.actor, 'at', h.at) order by h.id)::text
                            from poll_history h where h.poll_id = p.id), '[]')
                    from poll p where p.session_id = ?1 order by p.id""").setParameter(1, sessionId).getResultList();
            List<Map<String, Object>> summary = polls.stream().map(p -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("pollId", p[0]);
                m.put("question", p[1]);
                m.put("included", p[2]);
                m.put("excludedReason", p[3]);
                m.put("responseCount", p[4]);
                m.put("history", readJson((String) p[5]));
                return m;
            }).toList();
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

    private Object readJson(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
