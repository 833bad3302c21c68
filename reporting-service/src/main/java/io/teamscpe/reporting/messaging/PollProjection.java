package io.teamscpe.reporting.messaging;

import io.teamscpe.contracts.poll.PollEvent;
import io.teamscpe.contracts.poll.PollExcluded;
import io.teamscpe.contracts.poll.PollIncluded;
import io.teamscpe.contracts.poll.PollReconciled;
import io.teamscpe.contracts.poll.PollReplaced;
import io.teamscpe.contracts.poll.PollResponsesChunk;
import io.teamscpe.contracts.poll.PollUploaded;
import io.teamscpe.reporting.store.ReportInputs;
import io.teamscpe.reporting.store.Polls;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies cpe.polls.v1 to the polls read model ({@link Polls}) and marks the session's report inputs changed
 * wherever what its reports see changes (a header, a revision made current, a poll excluded or included).
 */
@ApplicationScoped
public class PollProjection {
    private final Polls polls;
    private final ReportInputs inputs;

    public PollProjection(Polls polls, ReportInputs inputs) {
        this.polls = polls;
        this.inputs = inputs;
    }

    /** Call inside the transaction applying the event. */
    public void on(PollEvent event) {
        if (event instanceof PollUploaded u) {
            header(u.sessionId(), u.firmId(), u.pollId(), u.revision(), u.chunkCount(), u.included(), u.question(),
                    u.fileName(), u.sha256(), u);
        } else if (event instanceof PollReplaced r) {
            header(r.sessionId(), r.firmId(), r.pollId(), r.revision(), r.chunkCount(), r.included(), r.question(),
                    r.fileName(), r.sha256(), r);
        } else if (event instanceof PollReconciled r) {
            header(r.sessionId(), r.firmId(), r.pollId(), r.revision(), r.chunkCount(), r.included(), null, null,
                    null, r);
        } else if (event instanceof PollResponsesChunk c) {
            polls.chunk(c.pollId(), c.revision(), c.sequence(), c.responses());
            promoteIfComplete(c.sessionId(), c.pollId(), c.revision());
        } else if (event instanceof PollExcluded x) {
            included(x.sessionId(), x.pollId(), false);
        } else if (event instanceof PollIncluded i) {
            included(i.sessionId(), i.pollId(), true);
        }
    }

    private void header(String sessionId, String firmId, String pollId, int revision, int chunkCount,
                        boolean included, String question, String fileName, String sha256, Object header) {
        polls.header(sessionId, firmId, pollId, revision, chunkCount, included, question, fileName, sha256, header);
        inputs.changed(sessionId);
        promoteIfComplete(sessionId, pollId, revision);
    }

    private void promoteIfComplete(String sessionId, String pollId, int revision) {
        if (polls.promoteIfComplete(sessionId, pollId, revision)) {
            inputs.changed(sessionId);
        }
    }

    private void included(String sessionId, String pollId, boolean included) {
        polls.included(pollId, included);
        inputs.changed(sessionId);
    }
}
