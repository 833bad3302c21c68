package io.teamscpe.polling;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An uploaded export, kept for the audit trail; {@code current} marks the one a poll's responses come from. The bytes
 * (column {@code content}) are written and read by {@code FileStore} only, never loaded with the entity.
 */
@Entity
@Table(name = "poll_file")
public class PollFile extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "poll_id")
    public UUID pollId;
    @Column(name = "firm_id")
    public String firmId;
    @Column(name = "session_id")
    public String sessionId;
    public int revision;
    @Column(name = "file_name")
    public String fileName;
    public String sha256;
    @Column(name = "size_bytes")
    public long sizeBytes;
    public boolean current;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    public static Optional<PollFile> currentOf(UUID pollId) {
        return find("pollId = ?1 and current = true", pollId).firstResultOptional();
    }

    /** Every file of the poll, oldest revision first. */
    public static List<PollFile> ofPoll(UUID pollId) {
        return list("pollId = ?1 order by revision", pollId);
    }

    /** The firm's file with these bytes, current or replaced, if any. */
    public static Optional<PollFile> byHash(String firmId, String sha256) {
        return find("firmId = ?1 and sha256 = ?2 order by uploadedAt", firmId, sha256).firstResultOptional();
    }
}
