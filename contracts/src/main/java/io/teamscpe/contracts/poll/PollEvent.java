package io.teamscpe.contracts.poll;

import io.teamscpe.contracts.CpeEvent;
import io.teamscpe.contracts.Topic;
import io.teamscpe.contracts.Topics;

/**
 * Uploaded Microsoft Forms polls of a session. Key: session id, so one session's poll events arrive in order.
 * <p>
 * Rebuilding a poll from the topic alone: a revision starts with a header ({@link PollUploaded}, {@link PollReplaced}
 * or {@link PollReconciled}, each carrying {@code chunkCount}) followed by {@code chunkCount} {@link PollResponsesChunk}s
 * of the same revision; a revision is complete when all its chunks arrived, and the highest complete revision holds
 * the poll's current responses (it replaces earlier revisions whole). Whether a poll counts towards credit is the
 * {@code included} flag of its latest header, changed afterwards by {@link PollExcluded} / {@link PollIncluded}.
 */
@Topic(Topics.POLLS)
public sealed interface PollEvent extends CpeEvent
        permits PollUploaded, PollReplaced, PollReconciled, PollResponsesChunk, PollExcluded, PollIncluded,
        RespondentMapped {
    String sessionId();

    @Override
    default String key() {
        return sessionId();
    }
}
