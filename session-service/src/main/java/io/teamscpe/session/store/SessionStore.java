package io.teamscpe.session.store;

import io.teamscpe.platform.jdbc.PagedQuery;
import io.teamscpe.platform.web.Page;
import io.teamscpe.platform.web.PageRequest;
import io.teamscpe.session.Session;
import io.teamscpe.session.SessionFilter;
import io.teamscpe.session.SessionPage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Queries over sessions beyond the entity's own lookups: the meeting in use, and the paged list. */
@ApplicationScoped
public class SessionStore {
    /** What each sortable field of the list sorts by (the list's own order: scheduled start). */
    private static final Map<String, String> SORTS = Map.of("scheduledStart", "scheduledStart",
            "scheduledEnd", "scheduledEnd", "title", "lower(title)", "status", "status");

    /** A session of the firm, not cancelled, that uses the meeting with this key. */
    public Optional<Session> activeWithMeeting(String firmId, String joinUrlKey) {
        return Session.find("firmId = ?1 and joinUrlKey = ?2 and status <> ?3", firmId, joinUrlKey,
                Session.Status.CANCELLED).firstResultOptional();
    }

    /**
     * One page of the sessions the filter lets through (its range already clamped to the years sessions may have),
     * counted and cut in the database.
     */
    public SessionPage page(String firmId, SessionFilter filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("firm", firmId);
        params.put("from", filter.from());
        params.put("to", filter.to());
        StringBuilder where = new StringBuilder("firmId = :firm and scheduledStart >= :from and scheduledStart < :to");
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.organizer() != null) {
            where.append(" and lower(organizerId) = :organizer");
            params.put("organizer", filter.organizer().toLowerCase(Locale.ROOT));
        }
        if (filter.text() != null) {
            where.append(" and (lower(title) like :text escape '!' or lower(coalesce(description, '')) like :text"
                    + " escape '!')");
            params.put("text", "%" + likeLiteral(filter.text().toLowerCase(Locale.ROOT)) + "%");
        }
        Page<Session> found = PagedQuery.page(Session.find(where + page.orderBy(SORTS, "scheduledStart", "id"),
                params), page);
        return new SessionPage(found.items(), page.page(), page.size(), found.total());
    }

    /** The text as a LIKE pattern matching it literally (escape character '!'). */
    private static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
