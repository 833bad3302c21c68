package io.teamscpe.reporting.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.teamscpe.reporting.api.CompletionApi.ProcessingResult;
import io.teamscpe.reporting.report.ProcessingRun;
import io.teamscpe.reporting.report.PublishedCreditEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of a session's processing history: its runs, and the credit events one run sent downstream. */
public final class ProcessingApi {
    private ProcessingApi() {
    }

    @Schema(description = "A session's processing runs, the latest first")
    public record ProcessingRuns(String sessionId, List<ProcessingResult> items) {
        public static ProcessingRuns of(String sessionId, List<ProcessingRun> runs, Map<Integer, Integer> sent) {
            return new ProcessingRuns(sessionId, runs.stream()
                    .map(r -> ProcessingResult.of(r, sent.getOrDefault(r.run(), 0))).toList());
        }
    }

    @Schema(description = "A credit event as published on cpe.credits.v1")
    public record CreditEventView(
            @Schema(description = "The CloudEvents id (ce_id): downstream systems de-duplicate by it") String eventId,
            @Schema(description = "The CloudEvents type, e.g. io.teamscpe.credit.awarded.v2") String type,
            @Schema(description = "When the event was produced (ce_time)") Instant time,
            @Schema(description = "When Kafka acknowledged it; null while it waits to be sent") Instant sentAt,
            @JsonRawValue @Schema(type = SchemaType.OBJECT, description = "The event's body exactly as sent; its "
                    + "JSON Schema is contracts' schemas/<type>.json") String data) {
        static CreditEventView of(PublishedCreditEvent e) {
            return new CreditEventView(e.eventId(), e.type(), e.time(), e.sentAt(), e.data());
        }
    }

    @Schema(description = "One processing run: who, when, its counts, and the credit events it published")
    public record ProcessingRunEvents(ProcessingResult run, List<CreditEventView> events) {
        public static ProcessingRunEvents of(ProcessingRun run, List<PublishedCreditEvent> events) {
            int sent = (int) events.stream().filter(e -> e.sentAt() != null).count();
            return new ProcessingRunEvents(ProcessingResult.of(run, sent), events.stream().map(CreditEventView::of)
                    .toList());
        }
    }
}
