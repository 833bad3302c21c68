package io.teamscpe.contracts;

import java.util.List;

/** Kafka topic names: the one place they are spelled. Every topic has a dead-letter twin ({@link #deadLetter}). */
public final class Topics {
    public static final String CREDENTIALS = "cpe.credentials.v1";
    public static final String SESSIONS = "cpe.sessions.v1";
    public static final String ATTENDANCE = "cpe.attendance.v1";
    public static final String POLLS = "cpe.polls.v1";
    public static final String CREDITS = "cpe.credits.v1";

    public static final List<String> ALL = List.of(CREDENTIALS, SESSIONS, ATTENDANCE, POLLS, CREDITS);

    /**
     * Partitions per topic (and per dead-letter twin). The unit of parallelism: a consumer group has at most this
     * many useful replicas (replicas beyond it hold no partition and stay idle), and it can never be lowered later,
     * so it is chosen for growth: 12 spreads evenly over 1, 2, 3, 4, 6 or 12 replicas. Ordering is per session
     * (the record key), never across sessions. Deployments create their topics with this count too.
     */
    public static final int PARTITIONS = 12;

    private Topics() {
    }

    /** The dead-letter topic where a consumer parks records of {@code topic} it cannot process. */
    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }
}
