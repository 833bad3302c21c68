package io.teamscpe.polling.messaging;

import io.teamscpe.contracts.poll.PollResponse;
import io.teamscpe.contracts.poll.PollResponsesChunk;
import io.teamscpe.platform.outbox.Outbox;
import io.teamscpe.polling.Poll;
import io.teamscpe.polling.StoredResponse;
import io.teamscpe.polling.config.PollingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Publishes a poll revision through the outbox: its header, then its responses in chunks sized to stay far below
 * Kafka's 1 MB record limit (by count and by estimated JSON size).
 */
@ApplicationScoped
public class PollPublisher {
    private static final int FIXED_BYTES = 400;

    private final Outbox outbox;
    private final PollingConfig config;

    public PollPublisher(Outbox outbox, PollingConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /** {@code header} receives the chunk count. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revision(Poll poll, List<StoredResponse> responses, IntFunction<io.teamscpe.contracts.poll.PollEvent>
            header) {
        List<List<PollResponse>> chunks = chunks(responses);
        outbox.publish(header.apply(chunks.size()));
        Instant now = Instant.now();
        for (int i = 0; i < chunks.size(); i++) {
            outbox.publish(new PollResponsesChunk(poll.sessionId, poll.firmId, poll.id.toString(), poll.revision, i + 1,
                    chunks.size(), chunks.get(i), now));
        }
    }

    List<List<PollResponse>> chunks(List<StoredResponse> responses) {
        List<List<PollResponse>> chunks = new ArrayList<>();
        List<PollResponse> current = new ArrayList<>();
        long bytes = 0;
        for (StoredResponse r : responses) {
            long size = estimate(r);
            if (!current.isEmpty() && (current.size() >= config.chunkResponses()
                    || bytes + size > config.maxChunkBytes())) {
                chunks.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(r.toEvent());
            bytes += size;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /** JSON bytes of one response, generously: every character counted as 3 UTF-8 bytes. */
    private static long estimate(StoredResponse r) {
        long chars = len(r.responseId()) + len(r.email()) + len(r.name()) + len(r.participantKey())
                + len(r.professionalId());
        for (String a : r.answers()) {
            chars += len(a) + 3;
        }
        return FIXED_BYTES + 3 * chars;
    }

    private static int len(String s) {
        return s == null ? 0 : s.length();
    }
}
