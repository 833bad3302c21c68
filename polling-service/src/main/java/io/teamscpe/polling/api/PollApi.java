package io.teamscpe.polling.api;

import io.teamscpe.polling.CurrentPoll;
import io.teamscpe.polling.HistoryEntry;
import io.teamscpe.polling.Poll;
import io.teamscpe.polling.PollFile;
import io.teamscpe.polling.PollWithHistory;
import io.teamscpe.polling.Respondents;
import io.teamscpe.polling.UploadOutcome;
import io.teamscpe.polling.reconcile.MatchMethod;
import io.teamscpe.polling.reconcile.Suggestion;
import io.teamscpe.polling.reconcile.TimeCheck;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of /api/sessions/{id}/polls. */
public final class PollApi {
    /** Said wherever poll totals are shown: anonymous responses count, but never earn credit. */
    public static final String ANONYMOUS_NOTE = "Anonymous responses (no name; email 'anonymous' or empty) count in "
            + "each poll's totals but cannot earn anyone credit.";
    static final String MATCHING_NOTE = "Responses are matched to attendees by email, then by normalized "
            + "name; names shared by several people are never matched automatically.";
    static final String MAPPING_NOTE = "Map an unmatched respondent with POST /api/sessions/{id}/polls/respondents/"
            + "mappings; the firm remembers the mapping for later sessions.";

    private PollApi() {
    }

    @Schema(description = "A poll uploaded from a Microsoft Forms export")
    public record PollView(UUID id, String question, List<String> options, boolean multiSelect, int responseCount,
                           int matchedCount, int unmatchedCount, int anonymousCount, boolean included,
                           String excludedReason, String fileName, String sha256, Instant uploadedAt,
                           String uploadedBy, int revision, String timeZone, TimeCheck timeCheck,
                           List<String> warnings) {
        public static PollView of(Poll p, PollFile f) {
            return new PollView(p.id, p.question, p.options, p.multiSelect, p.responseCount, p.matchedCount,
                    p.unmatchedCount(), p.anonymousCount, p.included, p.excludedReason, f.fileName, f.sha256,
                    f.uploadedAt, f.uploadedBy, p.revision, p.timeZone, p.timeCheck, p.warnings);
        }

        public static PollView of(CurrentPoll c) {
            return of(c.poll(), c.file());
        }
    }

    @Schema(description = "The session's polls; excluded polls stay listed but do not count towards credit")
    public record PollList(String sessionId, List<PollView> polls, List<String> notes) {
        public static PollList of(String sessionId, List<CurrentPoll> polls) {
            return new PollList(sessionId, polls.stream().map(PollView::of).toList(),
                    List.of(ANONYMOUS_NOTE, MATCHING_NOTE));
        }
    }

    @Schema(description = "A poll with its files (current and replaced) and its history")
    public record PollDetail(PollView poll, List<FileView> files, List<HistoryEntry> history, List<String> notes) {
        public static PollDetail of(PollWithHistory p) {
            return new PollDetail(PollView.of(p.current()), p.files().stream().map(FileView::of).toList(),
                    p.history(), List.of(ANONYMOUS_NOTE));
        }
    }

    public record FileView(String fileName, String sha256, long sizeBytes, int revision, boolean current,
                           Instant uploadedAt, String uploadedBy) {
        public static FileView of(PollFile f) {
            return new FileView(f.fileName, f.sha256, f.sizeBytes, f.revision, f.current, f.uploadedAt, f.uploadedBy);
        }
    }

    @Schema(description = "A file of the upload that is already a poll: it was not stored again")
    public record AlreadyUploaded(String fileName, String sha256, UUID pollId, String detail) {
        static AlreadyUploaded of(UploadOutcome.AlreadyUploaded a) {
            return new AlreadyUploaded(a.fileName(), a.sha256(), a.pollId(), a.detail());
        }
    }

    @Schema(description = "What an upload created")
    public record UploadResult(List<PollView> polls, List<AlreadyUploaded> alreadyUploaded, List<String> notes) {
        public static UploadResult of(UploadOutcome outcome) {
            return new UploadResult(outcome.created().stream().map(PollView::of).toList(),
                    outcome.alreadyUploaded().stream().map(AlreadyUploaded::of).toList(), List.of(ANONYMOUS_NOTE));
        }
    }

    @Schema(description = "Exclude a poll from credit (it stays visible; a reason is required), or include it again")
    @ReasonWhenExcluding
    public record InclusionChange(@NotNull Boolean included,
                                  @Schema(description = "Why the poll does not count; required when excluding, kept in "
                                          + "the poll's history") @Size(max = 1000) String reason) {
    }

    @Schema(description = "A respondent of the session's polls and who they were matched to")
    public record RespondentView(String respondentKey, String email, String name, int responses,
                                 String participantKey, String professionalId, MatchMethod matchMethod,
                                 List<Suggestion> suggestions) {
        static RespondentView of(Respondents.Respondent r) {
            return new RespondentView(r.respondentKey(), r.email(), r.name(), r.responses(), r.participantKey(),
                    r.professionalId(), r.matchMethod(), r.suggestions());
        }
    }

    public record RespondentList(List<RespondentView> unmatched, List<RespondentView> matched, int anonymousResponses,
                                 List<String> notes) {
        public static RespondentList of(Respondents r) {
            return new RespondentList(r.unmatched().stream().map(RespondentView::of).toList(),
                    r.matched().stream().map(RespondentView::of).toList(), r.anonymousResponses(),
                    List.of(ANONYMOUS_NOTE, MAPPING_NOTE));
        }
    }

    @Schema(description = "Map a respondent (by key, or by email/name) to a professional; the firm remembers it")
    public record MapRespondent(@Size(max = 400) String respondentKey, @Size(max = 320) String email,
                                @Size(max = 300) String name, @NotBlank @Size(max = 100) String professionalId,
                                @Size(max = 320) String professionalEmail, @Size(max = 300) String participantKey) {
    }

    @Schema(description = "How many of the session's polls were matched differently after the mapping")
    public record MappingResult(int pollsUpdated) {
    }
}
