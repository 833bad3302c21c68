package io.teamscpe.reporting.store;

import com.fasterxml.jackson.core.type.TypeReference;
import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.contracts.attendance.Participant;
import io.teamscpe.contracts.session.CreditType;
import io.teamscpe.contracts.session.RulesetRules;
import io.teamscpe.platform.readmodel.AttendanceGaps;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.reporting.report.AttendanceMapping;
import io.teamscpe.reporting.report.MappingMethod;
import io.teamscpe.reporting.report.SessionSnapshot;
import io.teamscpe.reporting.report.SessionSnapshot.Attendee;
import io.teamscpe.reporting.report.SessionSnapshot.Enrolled;
import io.teamscpe.reporting.report.SessionSnapshot.Freshness;
import io.teamscpe.reporting.report.SessionSnapshot.Poll;
import io.teamscpe.reporting.report.SessionSnapshot.Response;
import io.teamscpe.reporting.report.SessionSnapshot.Rules;
import io.teamscpe.reporting.report.SessionSnapshot.TypedRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** Reads everything the reports of one session are computed from ({@link SessionSnapshot}) in one place. */
@ApplicationScoped
public class SessionFacts {
    private static final TypeReference<List<Interval>> INTERVALS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final Json json;
    private final CreditTypes creditTypes;
    private final AttendanceGaps gaps;

    public SessionFacts(EntityManager em, Json json, CreditTypes creditTypes, AttendanceGaps gaps) {
        this.em = em;
        this.json = json;
        this.creditTypes = creditTypes;
        this.gaps = gaps;
    }

    /**
     * Makes every later query of the current read-only transaction see one snapshot of the database, so a report
     * never mixes an attendance snapshot, say, with the attendees of the one before. Call before its first query.
     */
    public void readOneSnapshot() {
        em.createNativeQuery("set transaction isolation level repeatable read").executeUpdate();
    }

    /** Call inside a transaction (a read-only one: after {@link #readOneSnapshot()}). */
    public SessionSnapshot load(KnownSession s) {
        return new SessionSnapshot(s, typedRules(s), attendees(s.sessionId()), roster(s.sessionId()),
                polls(s.sessionId()), responses(s.sessionId()), freshness(s.sessionId()),
                gaps.of(s.sessionId()).orElse(null), mappings(s.sessionId()));
    }

    /**
     * The session's credit types in its order, each with the ruleset version it names; a version reporting has not
     * received (or a type naming none) has null rules: there is no built-in fallback, so nothing is computed or
     * decided with rules the firm did not publish.
     */
    public List<TypedRules> typedRules(KnownSession s) {
        List<TypedRules> out = new ArrayList<>();
        for (CreditType t : creditTypes.of(s)) {
            out.add(new TypedRules(t, rules(t.rulesetId(), t.rulesetVersion()).orElse(null)));
        }
        return List.copyOf(out);
    }

    private Optional<Rules> rules(String rulesetId, Integer version) {
        if (rulesetId == null || version == null) {
            return Optional.empty();
        }
        List<Object[]> rows = rows("select name, rules from ruleset_version where ruleset_id = ? and version = ?",
                rulesetId, version);
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Rules((String) rows.get(0)[0], version,
                json.read(rows.get(0)[1], RulesetRules.class)));
    }

    private List<Attendee> attendees(String sessionId) {
        List<Attendee> out = new ArrayList<>();
        for (Object[] r : rows("select participant, intervals from attendance_current where session_id = ?"
                + " order by participant_key",
                sessionId)) {
            out.add(new Attendee(json.read(r[0], Participant.class), json.read(r[1], INTERVALS)));
        }
        return out;
    }

    /** The roster (platform's table, emails lower-cased) with the credit types each enrollee seeks, by LMS id. */
    private List<Enrolled> roster(String sessionId) {
        List<Enrolled> out = new ArrayList<>();
        for (Object[] r : rows("select lms_id, email, alternate_emails, display_name, credit_types from roster"
                + " where session_id = ? order by lms_id", sessionId)) {
            out.add(new Enrolled((String) r[0], (String) r[1], strings(r[2]), (String) r[3],
                    r[4] == null ? null : strings(r[4])));
        }
        return out;
    }

    private static List<String> strings(Object array) {
        return array == null ? List.of() : Arrays.asList((String[]) array);
    }

    private List<Poll> polls(String sessionId) {
        List<Poll> out = new ArrayList<>();
        for (Object[] r : rows("select poll_id, question, included, file_name, sha256 from poll where session_id = ?"
                + " and current_revision > 0 order by poll_id", sessionId)) {
            out.add(new Poll((String) r[0], (String) r[1], (Boolean) r[2], (String) r[3], (String) r[4]));
        }
        return out;
    }

    private List<Response> responses(String sessionId) {
        List<Response> out = new ArrayList<>();
        for (Object[] r : rows("select poll_id, respondent_email, respondent_name, anonymous, answers, completed_at,"
                + " participant_key, professional_id from poll_response where session_id = ?"
                + " order by poll_id, response_id", sessionId)) {
            out.add(new Response((String) r[0], (String) r[1], (String) r[2], (Boolean) r[3], r[4].toString(),
                    instant(r[5]), (String) r[6], (String) r[7]));
        }
        return out;
    }

    /** The session's attendance mappings in force (attendance_mapping rows not undone). */
    private List<AttendanceMapping> mappings(String sessionId) {
        List<AttendanceMapping> out = new ArrayList<>();
        for (Object[] r : rows("select participant_key, identity_key, lms_id, method, mapped_by, mapped_at"
                + " from attendance_mapping where session_id = ? and undone_at is null order by participant_key",
                sessionId)) {
            out.add(new AttendanceMapping((String) r[0], (String) r[1], (String) r[2],
                    MappingMethod.valueOf((String) r[3]), (String) r[4], instant(r[5])));
        }
        return out;
    }

    private Freshness freshness(String sessionId) {
        List<Object[]> rows = rows("select snapshot_id, source, fetched_at, applied_at from attendance_freshness"
                + " where session_id = ?", sessionId);
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new Freshness((String) r[0], (String) r[1], instant(r[2]), instant(r[3]));
    }

    /** Plain JDBC on the transaction's connection: thousands of rows (12,000 responses for 1,000), no entities. */
    private List<Object[]> rows(String sql, Object... params) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    query.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = query.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    List<Object[]> out = new ArrayList<>();
                    while (rs.next()) {
                        Object[] row = new Object[columns];
                        for (int c = 0; c < columns; c++) {
                            Object value = rs.getObject(c + 1);
                            row[c] = value instanceof java.sql.Array array ? array.getArray() : value;
                        }
                        out.add(row);
                    }
                    return out;
                }
            }
        });
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof java.sql.Timestamp t ? t.toInstant() : null;
    }
}
