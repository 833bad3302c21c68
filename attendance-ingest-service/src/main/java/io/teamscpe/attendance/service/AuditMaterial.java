package io.teamscpe.attendance.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.platform.audit.AuditPart;
import io.teamscpe.platform.audit.AuditZip;
import io.teamscpe.platform.jdbc.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * This service's part of a session's audit bundle: every attendance snapshot ever taken (immutable), each with its
 * raw Microsoft Graph pages or the uploaded Teams attendance file, as received.
 */
@ApplicationScoped
public class AuditMaterial implements AuditPart {
    private final EntityManager em;
    private final ObjectMapper json;

    public AuditMaterial(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Whether the session belongs to the firm (an unknown session is a 404, as everywhere). */
    @Override
    @Transactional
    public boolean known(String firmId, String sessionId) {
        return IngestionService.sessionExists(firmId, sessionId);
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public void write(String sessionId, OutputStream out) {
        try (AuditZip zip = new AuditZip(out)) {
            List<Object[]> snapshots = em.createNativeQuery("""
                    select id, source, fetched_at, content_hash, participant_count, report_ids, raw_pages::text
                    from attendance_snapshot where session_id = ?1 order by fetched_at""")
                    .setParameter(1, sessionId).getResultList();
            for (Object[] s : snapshots) {
                String id = (String) s[0];
                String dir = "snapshot-" + id + "/";
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("snapshotId", id);
                meta.put("source", s[1]);
                meta.put("fetchedAt", SqlTimes.instant(s[2]).toString());
                meta.put("contentHash", s[3]);
                meta.put("participantCount", s[4]);
                meta.put("reportIds", s[5]);
                zip.add(dir + "snapshot.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(meta));
                if (s[6] != null) {
                    zip.add(dir + "graph-pages.json", (String) s[6]);
                }
                writePages(zip, id, dir);
                writeFile(zip, id, dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private void writePages(AuditZip zip, String snapshotId, String dir) throws IOException {
        List<Object[]> pages = em.createNativeQuery("select seq, report_id, body::text from attendance_snapshot_page "
                + "where snapshot_id = ?1 order by seq").setParameter(1, snapshotId).getResultList();
        for (Object[] p : pages) {
            zip.add(dir + String.format("graph-page-%04d-report-%s.json", ((Number) p[0]).intValue(), p[1]),
                    (String) p[2]);
        }
    }

    @SuppressWarnings("unchecked")
    private void writeFile(AuditZip zip, String snapshotId, String dir) throws IOException {
        List<Object[]> files = em.createNativeQuery("select file_name, content from attendance_snapshot_file "
                + "where snapshot_id = ?1").setParameter(1, snapshotId).getResultList();
        for (Object[] f : files) {
            zip.add(dir + "uploaded-" + ((String) f[0]).replaceAll("[\\\\/]", "_"), (byte[]) f[1]);
        }
    }
}
