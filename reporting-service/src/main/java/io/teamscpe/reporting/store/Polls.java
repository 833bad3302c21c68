package io.teamscpe.reporting.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * Polls from cpe.polls.v1 as stored: a revision (header + its chunks) replaces the poll's responses once complete;
 * the included flag follows the latest header and exclude/include events (messaging/PollProjection applies them).
 * Runs in its caller's transaction (service/ or messaging/ holds the boundary).
 */
@ApplicationScoped
public class Polls {
    private final EntityManager em;
    private final Json json;

    public Polls(EntityManager em, Json json) {
        this.em = em;
        this.json = json;
    }

    /** Stores one chunk of a revision's responses (once). */
    public void chunk(String pollId, int revision, int sequence, Object responses) {
        em.createNativeQuery("""
                        insert into poll_chunk (poll_id, revision, sequence, responses)
                        values (?1, ?2, ?3, cast(?4 as jsonb)) on conflict do nothing""")
                .setParameter(1, pollId).setParameter(2, revision).setParameter(3, sequence)
                .setParameter(4, json.write(responses)).executeUpdate();
    }

    /** Stores a revision's header and what it says of the poll (question, file, included). */
    public void header(String sessionId, String firmId, String pollId, int revision, int chunkCount,
                       boolean included, String question, String fileName, String sha256, Object header) {
        em.createNativeQuery("""
                        insert into poll (poll_id, session_id, firm_id, question, file_name, sha256, included, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        on conflict (poll_id) do update set question = coalesce(excluded.question, poll.question),
                            file_name = coalesce(excluded.file_name, poll.file_name),
                            sha256 = coalesce(excluded.sha256, poll.sha256), included = excluded.included,
                            updated_at = excluded.updated_at""")
                .setParameter(1, pollId).setParameter(2, sessionId).setParameter(3, firmId)
                .setParameter(4, question).setParameter(5, fileName).setParameter(6, sha256)
                .setParameter(7, included).setParameter(8, Instant.now()).executeUpdate();
        em.createNativeQuery("""
                        insert into poll_revision (poll_id, revision, chunk_count, header)
                        values (?1, ?2, ?3, cast(?4 as jsonb)) on conflict do nothing""")
                .setParameter(1, pollId).setParameter(2, revision).setParameter(3, chunkCount)
                .setParameter(4, json.write(header)).executeUpdate();
    }

    /** Makes the revision the poll's responses once all its chunks are in; whether it did. */
    public boolean promoteIfComplete(String sessionId, String pollId, int revision) {
        List<?> expected = em.createNativeQuery(
                        "select chunk_count from poll_revision where poll_id = ?1 and revision = ?2")
                .setParameter(1, pollId).setParameter(2, revision).getResultList();
        Number current = (Number) em.createNativeQuery("select current_revision from poll where poll_id = ?1")
                .setParameter(1, pollId).getResultList().stream().findFirst().orElse(0);
        if (expected.isEmpty() || current.intValue() >= revision) {
            return false;
        }
        long chunks = ((Number) em.createNativeQuery(
                        "select count(*) from poll_chunk where poll_id = ?1 and revision = ?2")
                .setParameter(1, pollId).setParameter(2, revision).getSingleResult()).longValue();
        if (chunks < ((Number) expected.get(0)).intValue()) {
            return false;
        }
        em.createNativeQuery("delete from poll_response where poll_id = ?1").setParameter(1, pollId).executeUpdate();
        // one set-based statement: a 1,000-response chunk row by row took a second on a loaded machine
        em.createNativeQuery("""
                        insert into poll_response (poll_id, response_id, session_id, respondent_email, respondent_name,
                            anonymous, answers, completed_at, participant_key, professional_id)
                        select ?1, r->>'responseId', ?2, r->>'respondentEmail', r->>'respondentName',
                            (r->>'anonymous')::boolean, coalesce(r->'answers', 'null'::jsonb),
                            (r->>'completedAt')::timestamptz, r->>'participantKey', r->>'professionalId'
                        from poll_chunk c cross join lateral jsonb_array_elements(c.responses) with ordinality e(r, n)
                        where c.poll_id = ?1 and c.revision = ?3
                        order by c.sequence, e.n
                        on conflict do nothing""")
                .setParameter(1, pollId).setParameter(2, sessionId).setParameter(3, revision).executeUpdate();
        em.createNativeQuery("update poll set current_revision = ?2 where poll_id = ?1").setParameter(1, pollId)
                .setParameter(2, revision).executeUpdate();
        em.createNativeQuery("delete from poll_chunk where poll_id = ?1 and revision <= ?2").setParameter(1, pollId)
                .setParameter(2, revision).executeUpdate();
        return true;
    }

    /** Whether the poll counts towards credit. */
    public void included(String pollId, boolean included) {
        em.createNativeQuery("update poll set included = ?2, updated_at = ?3 where poll_id = ?1")
                .setParameter(1, pollId).setParameter(2, included).setParameter(3, Instant.now()).executeUpdate();
    }
}
