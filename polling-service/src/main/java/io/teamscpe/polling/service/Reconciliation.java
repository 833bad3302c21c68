package io.teamscpe.polling.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.polling.Poll;
import io.teamscpe.polling.PollSession;
import io.teamscpe.polling.config.PollingConfig;
import io.teamscpe.polling.reconcile.Mapping;
import io.teamscpe.polling.reconcile.Person;
import io.teamscpe.polling.reconcile.RespondentMatcher;
import io.teamscpe.polling.reconcile.TimeCheck;
import io.teamscpe.polling.reconcile.TimeZoneCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What respondents are matched against in one session: its attendance, its enrollments, the firm's mappings. */
@ApplicationScoped
public class Reconciliation {
    private final EntityManager em;
    private final ObjectMapper json;
    private final Enrollments enrollments;
    private final PollingConfig config;

    public Reconciliation(EntityManager em, ObjectMapper json, Enrollments enrollments, PollingConfig config) {
        this.em = em;
        this.json = json;
        this.enrollments = enrollments;
        this.config = config;
    }

    /** The matcher of a session, and each participant's attendance intervals (epoch seconds). */
    public record Context(RespondentMatcher matcher, Map<String, List<long[]>> presence, List<Person> participants) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Context context(String firmId, String sessionId) {
        List<Person> participants = new ArrayList<>();
        Map<String, List<long[]>> presence = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select participant_key, email, display_name, cast(intervals as text)
                        from attendance_current where session_id = ?1 and not anonymous order by participant_key""")
                .setParameter(1, sessionId).getResultList();
        for (Object[] row : rows) {
            String key = (String) row[0];
            participants.add(Person.participant(key, (String) row[1], (String) row[2]));
            presence.put(key, intervals((String) row[3]));
        }
        Map<String, Mapping> mappings = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> maps = em.createNativeQuery("""
                        select respondent_key, professional_id, professional_email, participant_key
                        from respondent_mapping where firm_id = ?1""")
                .setParameter(1, firmId).getResultList();
        for (Object[] m : maps) {
            mappings.put((String) m[0], new Mapping((String) m[0], (String) m[1], (String) m[2], (String) m[3]));
        }
        return new Context(new RespondentMatcher(participants, enrollments.of(sessionId), mappings), presence,
                participants);
    }

    /** Re-matches {@code responses}; returns the ones whose match changed (already updated in the list). */
    public List<StoredResponse> rematch(List<StoredResponse> responses, Context ctx) {
        List<StoredResponse> changed = new ArrayList<>();
        for (int i = 0; i < responses.size(); i++) {
            StoredResponse r = responses.get(i);
            var m = ctx.matcher().match(r.email(), r.name(), r.anonymous());
            if (!m.sameAs(r.participantKey(), r.professionalId(), r.matchMethod())) {
                StoredResponse updated = r.withMatch(m);
                responses.set(i, updated);
                changed.add(updated);
            }
        }
        return changed;
    }

    public TimeCheck timeCheck(PollSession session, ZoneId zone, List<StoredResponse> responses, Context ctx) {
        List<TimeZoneCheck.Sample> samples = new ArrayList<>(responses.size());
        for (StoredResponse r : responses) {
            Instant t = r.completedAt() != null ? r.completedAt() : r.startedAt();
            if (t != null) {
                long local = LocalDateTime.ofInstant(t, zone).toEpochSecond(ZoneOffset.UTC);
                samples.add(new TimeZoneCheck.Sample(local,
                        r.participantKey() == null ? null : ctx.presence().get(r.participantKey())));
            }
        }
        return TimeZoneCheck.check(samples, session.scheduledStart, session.scheduledEnd, zone, config.earlyGrace(),
                config.lateGrace());
    }

    public static void count(Poll poll, List<StoredResponse> responses) {
        poll.responseCount = responses.size();
        poll.anonymousCount = (int) responses.stream().filter(StoredResponse::anonymous).count();
        poll.matchedCount = (int) responses.stream().filter(StoredResponse::matched).count();
    }

    private List<long[]> intervals(String intervalsJson) {
        List<long[]> out = new ArrayList<>();
        try {
            for (JsonNode i : json.readTree(intervalsJson)) {
                JsonNode joined = i.get("joined");
                JsonNode left = i.get("left");
                if (joined != null && !joined.isNull() && left != null && !left.isNull()) {
                    out.add(new long[]{Instant.parse(joined.asText()).getEpochSecond(),
                            Instant.parse(left.asText()).getEpochSecond()});
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attendance intervals are not JSON", e);
        }
        return out;
    }
}
