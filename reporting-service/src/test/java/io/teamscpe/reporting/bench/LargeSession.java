package io.teamscpe.reporting.bench;

import io.teamscpe.contracts.poll.PollResponse;
import io.teamscpe.contracts.session.Enrollee;
import io.teamscpe.reporting.Feed;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A session the size the targets are set for: {@code n} enrolled professionals; attendance snapshots of {@code n}
 * participants (95 % of them enrolled, the rest guests; one to three intervals each, re-joins included); 12 polls,
 * each answered by about 85 % of the attendees.
 */
final class LargeSession {
    static final int POLLS = 12;

    private final Feed feed;
    private final int n;

    LargeSession(Feed feed, int n) {
        this.feed = feed;
        this.n = n;
    }

    void sessionAndRoster() {
        feed.session();
        Enrollee[] roster = new Enrollee[n];
        for (int i = 0; i < n; i++) {
            roster[i] = new Enrollee(lmsId(i), email(i), List.of(), "Professional " + i);
        }
        feed.roster(roster);
    }

    /** Adds one snapshot's worth of attendees to the feed (publish with {@link Feed#stageAttendance}). */
    void attendees(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            int pieces = 1 + random.nextInt(3);
            int[][] minutes = new int[pieces][];
            int at = random.nextInt(10) - 5;
            for (int p = 0; p < pieces; p++) {
                int length = 15 + random.nextInt(60);
                minutes[p] = new int[] {at, at + length};
                at += length + random.nextInt(5);
            }
            if (attendsAsEnrolled(i)) {
                feed.attendee("oid-" + i, email(i), "Professional " + i, false, minutes);
            } else {
                feed.attendee("guest-" + i, "guest" + i + "@elsewhere.test", "Guest " + i, false, minutes);
            }
        }
    }

    void polls(long seed) {
        Random random = new Random(seed);
        for (int q = 0; q < POLLS; q++) {
            int minute = 5 + q * 8;
            List<PollResponse> responses = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (random.nextInt(100) < 85) {
                    String email = attendsAsEnrolled(i) ? email(i) : "guest" + i + "@elsewhere.test";
                    responses.add(Feed.answer("q" + q + "-r" + i, email, "Professional " + i, minute));
                }
            }
            feed.poll("poll-" + feed.sessionId + "-" + q, minute, responses.toArray(PollResponse[]::new));
        }
    }

    private static boolean attendsAsEnrolled(int i) {
        return i % 20 != 19;
    }

    private static String lmsId(int i) {
        return String.format("p%05d", i);
    }

    private static String email(int i) {
        return lmsId(i) + "@firm.test";
    }
}
