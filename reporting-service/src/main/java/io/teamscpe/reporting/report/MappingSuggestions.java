package io.teamscpe.reporting.report;

import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.platform.people.Names;
import io.teamscpe.reporting.report.SessionSnapshot.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Which enrolled professional an unmatched attendee may be, best first: those of the roster without attendance of
 * their own (no-shows), ranked by how alike the names are (display names, and the part of an email before the @;
 * {@link Names#similarity}) and, when the professional has timed poll answers (their own respondents, as
 * polling-service matched them), by how many of those answers were given while the attendee was in the meeting.
 */
public final class MappingSuggestions {
    /** At most this many suggestions per attendee. */
    static final int LIMIT = 3;
    /** A suggestion scores at least this much. */
    static final double FLOOR = 0.3;
    /** A poll answer a little after the attendee left still counts as given while present (Forms' completion time). */
    static final Duration GRACE = Duration.ofMinutes(2);

    /**
     * One professional an attendee may be.
     *
     * @param score           0 to 1: the name similarity alone when the professional has no timed poll answer,
     *                        else 0.6 × name similarity + 0.4 × poll-time overlap
     * @param pollTimeOverlap the share of the professional's timed poll answers given while the attendee was
     *                        present; null when there is none to compare
     */
    public record Suggestion(String lmsId, String displayName, String email, double score, double nameSimilarity,
                             Double pollTimeOverlap, String reason) {
    }

    private MappingSuggestions() {
    }

    /** Suggestions for one unmatched row among the report's rows ({@link Matching#participants}). */
    public static List<Suggestion> of(Matching.Participant attendee, List<Matching.Participant> rows) {
        List<Suggestion> out = new ArrayList<>();
        for (Matching.Participant p : rows) {
            if (p.matchStatus() != MatchStatus.ENROLLED || p.attendance() != Presence.NO_SHOW) {
                continue;
            }
            double name = nameSimilarity(attendee, p);
            List<Instant> answered = p.firstResponses().stream().filter(Objects::nonNull)
                    .map(Response::completedAt).filter(Objects::nonNull).toList();
            long during = answered.stream().filter(t -> present(attendee.intervals(), t)).count();
            Double overlap = answered.isEmpty() ? null : (double) during / answered.size();
            double score = round(overlap == null ? name : 0.6 * name + 0.4 * overlap);
            if (score < FLOOR) {
                continue;
            }
            String reason = "names " + Math.round(name * 100) + "% alike; " + (overlap == null
                    ? "no timed poll answer of this professional to compare with the attendee's presence"
                    : "present at " + during + " of this professional's " + answered.size() + " timed poll answer"
                    + (answered.size() == 1 ? "" : "s"));
            out.add(new Suggestion(p.id(), p.displayName(), p.email(), score, round(name),
                    overlap == null ? null : round(overlap), reason));
        }
        out.sort(Comparator.comparingDouble(Suggestion::score).reversed()
                .thenComparing(Suggestion::displayName, Comparator.nullsLast(String::compareToIgnoreCase))
                .thenComparing(Suggestion::lmsId));
        return List.copyOf(out.subList(0, Math.min(LIMIT, out.size())));
    }

    private static double nameSimilarity(Matching.Participant a, Matching.Participant p) {
        String aName = Names.normalize(a.displayName());
        String aMail = Names.localPart(a.email());
        String pName = Names.normalize(p.displayName());
        String pMail = Names.localPart(p.email());
        return Math.max(Math.max(Names.similarity(aName, pName), Names.similarity(aMail, pName)),
                Math.max(Names.similarity(aName, pMail), Names.similarity(aMail, pMail)));
    }

    private static boolean present(List<Interval> intervals, Instant t) {
        for (Interval i : intervals) {
            if (i.joined() != null && i.left() != null && !t.isBefore(i.joined())
                    && !t.isAfter(i.left().plus(GRACE))) {
                return true;
            }
        }
        return false;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
