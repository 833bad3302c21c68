package io.teamscpe.polling;

import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.polling.reconcile.MatchContext;
import io.teamscpe.polling.reconcile.TimeCheck;
import io.teamscpe.polling.reconcile.TimeZoneCheck;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Matching a poll's stored responses in a session: new matches, the counts, the time check. */
public final class PollMatching {
    private PollMatching() {
    }

    /** Re-matches {@code responses}; returns the ones whose match changed (already updated in the list). */
    public static List<StoredResponse> rematch(List<StoredResponse> responses, MatchContext ctx) {
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

    /** Whether the responses' times fit the session under {@code zone}, with the grace before and after it. */
    public static TimeCheck timeCheck(KnownSession session, ZoneId zone, List<StoredResponse> responses,
                                      MatchContext ctx, Duration early, Duration late) {
        List<TimeZoneCheck.Sample> samples = new ArrayList<>(responses.size());
        for (StoredResponse r : responses) {
            Instant t = r.completedAt() != null ? r.completedAt() : r.startedAt();
            if (t != null) {
                long local = LocalDateTime.ofInstant(t, zone).toEpochSecond(ZoneOffset.UTC);
                samples.add(new TimeZoneCheck.Sample(local,
                        r.participantKey() == null ? null : ctx.presence().get(r.participantKey())));
            }
        }
        return TimeZoneCheck.check(samples, session.scheduledStart(), session.scheduledEnd(), zone, early, late);
    }

    public static void count(Poll poll, List<StoredResponse> responses) {
        poll.responseCount = responses.size();
        poll.anonymousCount = (int) responses.stream().filter(StoredResponse::anonymous).count();
        poll.matchedCount = (int) responses.stream().filter(StoredResponse::matched).count();
    }
}
