package io.teamscpe.polling;

/** A poll with the file its responses come from (its current one). */
public record CurrentPoll(Poll poll, PollFile file) {
    /** The poll with its current file, read in the caller's transaction. */
    public static CurrentPoll of(Poll poll) {
        return new CurrentPoll(poll, PollFile.currentOf(poll.id).orElseThrow());
    }
}
