package io.teamscpe.polling;

import java.util.List;

/** A poll with all its files (the current one and those it replaced) and its audit trail. */
public record PollWithHistory(CurrentPoll current, List<PollFile> files, List<HistoryEntry> history) {
}
