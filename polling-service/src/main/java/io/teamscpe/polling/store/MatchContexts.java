package io.teamscpe.polling.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.polling.reconcile.MatchContext;
import io.teamscpe.polling.reconcile.Person;
import io.teamscpe.polling.reconcile.RespondentMatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads what respondents are matched against in one session: its attendance, its enrollments, the firm's mappings. */
@ApplicationScoped
public class MatchContexts {
    private final EntityManager em;
    private final ObjectMapper json;
    private final Enrollments enrollments;
    private final RespondentMappings mappings;

    public MatchContexts(EntityManager em, ObjectMapper json, Enrollments enrollments, RespondentMappings mappings) {
        this.em = em;
        this.json = json;
        this.enrollments = enrollments;
        this.mappings = mappings;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public MatchContext of(String firmId, String sessionId) {
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
        return new MatchContext(new RespondentMatcher(participants, enrollments.of(sessionId),
                mappings.ofFirm(firmId)), presence, participants);
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
