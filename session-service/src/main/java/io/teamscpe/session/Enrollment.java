package io.teamscpe.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.teamscpe.contracts.session.Enrollee;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A professional enrolled in a session, as the LMS synced them. Emails are lower case. */
@Entity
public class Enrollment extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "firm_id")
    public String firmId;
    @Column(name = "lms_id")
    public String lmsId;
    public String email;
    @Column(name = "alternate_emails")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> alternateEmails;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "enrolled_at")
    public Instant enrolledAt;
    /** The codes of the session's credit types the professional seeks; null: all of them. */
    @Column(name = "credit_types")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> creditTypes;

    public static List<Enrollment> ofSession(UUID sessionId) {
        return list("sessionId = ?1 order by lmsId", sessionId);
    }

    public Enrollee toEnrollee() {
        return new Enrollee(lmsId, email, List.copyOf(alternateEmails), displayName,
                creditTypes == null ? null : List.copyOf(creditTypes));
    }
}
