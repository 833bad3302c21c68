package io.teamscpe.reporting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A session as reporting knows it, from cpe.sessions.v1 (the highest revision wins). */
@Entity
@Table(name = "report_session")
public class ReportSession extends PanacheEntityBase {
    @Id
    @Column(name = "session_id")
    public String sessionId;
    @Column(name = "firm_id")
    public String firmId;
    public String title;
    @Column(name = "scheduled_start")
    public Instant scheduledStart;
    @Column(name = "scheduled_end")
    public Instant scheduledEnd;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "max_credits")
    public BigDecimal maxCredits;
    @Column(name = "ruleset_id")
    public String rulesetId;
    @Column(name = "ruleset_version")
    public Integer rulesetVersion;
    @Column(name = "fields_of_study")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> fieldsOfStudy;
    @Column(name = "delivery_method")
    public String deliveryMethod;
    public int revision;
    public boolean cancelled;

    public static Optional<ReportSession> findInFirm(String firmId, String sessionId) {
        return find("sessionId = ?1 and firmId = ?2", sessionId, firmId).firstResultOptional();
    }
}
