package io.teamscpe.reporting.api;

import io.teamscpe.reporting.report.AttendanceMapping;
import io.teamscpe.reporting.report.MappingMethod;
import io.teamscpe.reporting.report.MappingOverview;
import io.teamscpe.reporting.report.MappingSuggestions;
import io.teamscpe.reporting.report.MatchStatus;
import io.teamscpe.reporting.report.Presence;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of attendance mappings: tying an attendee no email ties to an enrolled professional. */
public final class AttendanceMappingApi {
    private AttendanceMappingApi() {
    }

    @Schema(description = "Map an attendance participant to an enrolled professional")
    public record MapRequest(
            @NotBlank @Size(max = 300) @Schema(description = "The participant's key: the participantId of its "
                    + "unmatched row in Completion / Raw Data, as listed under unmatched") String participantKey,
            @NotBlank @Size(max = 200) @Schema(description = "The LMS id of a professional enrolled in the session")
            String lmsId) {
    }

    @Schema(description = "A mapping in force: whose attendance counts for which professional, who decided it, when")
    public record MappingView(
            String participantKey,
            @Schema(description = "As Teams gave it in the current attendance; null when the participant is no "
                    + "longer in it") String displayName,
            String email,
            @Schema(description = "The identity the firm remembers the participant under: oid:<Entra object id>, "
                    + "email:<email> or name:<normalized display name> (a guest who did not sign in); null when the "
                    + "participant has none (the mapping then holds for this session only)") String identityKey,
            String lmsId, String professionalName,
            @Schema(description = "MAPPED: an administrator mapped it in this session; REMEMBERED: applied from "
                    + "the firm's earlier mapping of the same identity when this session's attendance or roster "
                    + "arrived") MappingMethod method,
            @Schema(description = "The administrator whose decision it is") String mappedBy,
            @Schema(description = "When it took effect in this session") Instant mappedAt,
            @Schema(description = "Whether the participant's attendance counts for the professional now")
            boolean inEffect,
            @Schema(description = "Why it does not, when it does not") String note) {
        public static MappingView of(MappingOverview.Mapped m) {
            AttendanceMapping a = m.mapping();
            return new MappingView(a.participantKey(), m.displayName(), m.email(), a.identityKey(), a.lmsId(),
                    m.professionalName(), a.method(), a.mappedBy(), a.mappedAt(), m.inEffect(), m.note());
        }
    }

    @Schema(description = "An enrolled professional without attendance whom the attendee may be")
    public record SuggestionView(
            String lmsId, String displayName, String email,
            @Schema(description = "0 to 1, best first: the name similarity alone when the professional has no timed "
                    + "poll answer, else 0.6 × nameSimilarity + 0.4 × pollTimeOverlap") double score,
            @Schema(description = "0 to 1: how alike the display names (and the parts of the emails before the @) "
                    + "are") double nameSimilarity,
            @Schema(description = "0 to 1: the share of the professional's timed poll answers given while the "
                    + "attendee was in the meeting; null when the professional has none") Double pollTimeOverlap,
            String reason) {
        static SuggestionView of(MappingSuggestions.Suggestion s) {
            return new SuggestionView(s.lmsId(), s.displayName(), s.email(), s.score(), s.nameSimilarity(),
                    s.pollTimeOverlap(), s.reason());
        }
    }

    @Schema(description = "An attendee no enrollment claims, and whom they may be")
    public record UnmatchedView(
            String participantKey, String displayName, String email,
            @Schema(description = "UNMATCHED_ATTENDEE, GUEST or ANONYMOUS") MatchStatus matchStatus,
            @Schema(description = Presence.DESCRIPTION) Presence attendance,
            @Schema(description = "The identity a mapping would be remembered under (see MappingView); null: the "
                    + "mapping would hold for this session only") String identityKey,
            Instant firstJoin, Instant lastLeave,
            @Schema(description = "Up to 3 enrolled professionals without attendance, best first")
            List<SuggestionView> suggestions) {
        static UnmatchedView of(MappingOverview.Unmatched u) {
            var r = u.row();
            return new UnmatchedView(r.id(), r.displayName(), r.email(), r.matchStatus(), r.attendance(),
                    u.identityKey(), r.firstJoin(), r.lastLeave(),
                    u.suggestions().stream().map(SuggestionView::of).toList());
        }
    }

    @Schema(description = "A session's attendance mappings in force, and its unmatched attendees with suggestions")
    public record MappingsOverview(String sessionId, List<MappingView> mappings, List<UnmatchedView> unmatched) {
        public static MappingsOverview of(MappingOverview o) {
            return new MappingsOverview(o.sessionId(), o.mappings().stream().map(MappingView::of).toList(),
                    o.unmatched().stream().map(UnmatchedView::of).toList());
        }
    }
}
