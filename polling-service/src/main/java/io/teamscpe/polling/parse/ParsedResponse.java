package io.teamscpe.polling.parse;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One response row. Times are the export's wall-clock times (no zone), kept as seconds of a UTC-less local
 * epoch to stay small: a 100,000-response file must parse in a 64 MB heap.
 */
public final class ParsedResponse {
    public static final long NO_TIME = Long.MIN_VALUE;

    public final int row;
    public final String responseId;
    public final String email;
    public final String name;
    public final boolean anonymous;
    public final List<String> answers;
    private long started = NO_TIME;
    private long completed = NO_TIME;

    public ParsedResponse(int row, String responseId, String email, String name, boolean anonymous, List<String> answers) {
        this.row = row;
        this.responseId = responseId;
        this.email = email;
        this.name = name;
        this.anonymous = anonymous;
        this.answers = answers;
    }

    public LocalDateTime started() {
        return started == NO_TIME ? null : LocalDateTime.ofEpochSecond(started, 0, ZoneOffset.UTC);
    }

    public LocalDateTime completed() {
        return completed == NO_TIME ? null : LocalDateTime.ofEpochSecond(completed, 0, ZoneOffset.UTC);
    }

    /** Sets the start time as local-epoch seconds (wall clock as if UTC). */
    public void startedAt(long localSeconds) {
        started = localSeconds;
    }

    /** Sets the completion time as local-epoch seconds (wall clock as if UTC). */
    public void completedAt(long localSeconds) {
        completed = localSeconds;
    }

    /** Completion time as local-epoch seconds, or {@link #NO_TIME}. */
    public long completedLocalSeconds() {
        return completed;
    }
}
