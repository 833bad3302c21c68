package io.teamscpe.session.store;

import io.teamscpe.session.Session;
import io.teamscpe.session.SessionPage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Queries over sessions beyond the entity's own lookups: the meeting in use, and the paged list. */
@ApplicationScoped
public class SessionStore {
    /** A session of the firm, not cancelled, that uses the meeting with this key. */
    public Optional<Session> activeWithMeeting(String firmId, String joinUrlKey) {
        return Session.find("firmId = ?1 and joinUrlKey = ?2 and status <> ?3", firmId, joinUrlKey,
                Session.Status.CANCELLED).firstResultOptional();
    }

    /**
     * Sessions starting in [from, to), optionally of one status, by scheduled start. The offset is computed in
     * long: a page past the end is empty, never an overflow.
     */
    public SessionPage page(String firmId, Instant from, Instant to, Session.Status status, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("firm", firmId);
        params.put("from", from);
        params.put("to", to);
        String where = "firmId = :firm and scheduledStart >= :from and scheduledStart < :to";
        if (status != null) {
            where += " and status = :status";
            params.put("status", status);
        }
        var query = Session.find(where + " order by scheduledStart, id", params);
        long total = query.count();
        long offset = (long) page * size;
        List<Session> items = offset >= total || offset > Integer.MAX_VALUE ? List.of()
                : query.range((int) offset, (int) Math.min(offset + size - 1, Integer.MAX_VALUE)).list();
        return new SessionPage(items, page, size, total);
    }
}
