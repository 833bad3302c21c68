package io.teamscpe.polling.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Uploaded files' bytes, streamed into poll_file (never held whole in memory). */
@ApplicationScoped
public class FileStore {
    private final AgroalDataSource dataSource;
    private final EntityManager em;

    public FileStore(AgroalDataSource dataSource, EntityManager em) {
        this.dataSource = dataSource;
        this.em = em;
    }

    public record NewFile(UUID id, UUID pollId, String firmId, String sessionId, int revision, String fileName,
                          String sha256, Path path, long size, String uploadedBy, Instant uploadedAt) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(NewFile f) {
        em.flush();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     insert into poll_file (id, poll_id, firm_id, session_id, revision, file_name, sha256, size_bytes,
                         content, current, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?)""");
             InputStream in = Files.newInputStream(f.path())) {
            s.setObject(1, f.id());
            s.setObject(2, f.pollId());
            s.setString(3, f.firmId());
            s.setString(4, f.sessionId());
            s.setInt(5, f.revision());
            s.setString(6, f.fileName());
            s.setString(7, f.sha256());
            s.setLong(8, f.size());
            s.setBinaryStream(9, in, f.size());
            s.setString(10, f.uploadedBy());
            s.setTimestamp(11, Timestamp.from(f.uploadedAt()));
            s.executeUpdate();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not store file " + f.id(), e);
        }
    }
}
