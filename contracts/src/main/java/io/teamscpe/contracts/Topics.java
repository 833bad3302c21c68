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

    /** Partitions per topic: more than one, so per-session ordering (key = session id) is what we rely on. */
    public static final int PARTITIONS = 3;

    private Topics() {
    }

    /** The dead-letter topic where a consumer parks records of {@code topic} it cannot process. */
    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }
}
