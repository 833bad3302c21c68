package io.teamscpe.session.api;

import io.teamscpe.session.Session;
import io.teamscpe.session.SessionDraft;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of /api/sessions. */
public final class SessionApi {
    public static final String GROUP_INTERNET_BASED = SessionDraft.GROUP_INTERNET_BASED;

    private SessionApi() {
    }

    @Schema(description = "A CPE session delivered as a Teams meeting (POST creates it, PUT replaces it whole)")
    public record CreateSession(
            @NotBlank @Size(max = 300) String title,
            @Size(max = 5000) String description,
            @NotNull @Schema(example = "2026-10-05T16:00:00Z") Instant scheduledStart,
            @NotNull @Schema(example = "2026-10-05T17:40:00Z") Instant scheduledEnd,
            @NotBlank @Size(max = 60) @Schema(description = "IANA time zone", example = "America/New_York")
            String timeZone,
            @DecimalMin("0") @DecimalMax("100") @Schema(description = "At most 2 decimal places") BigDecimal maxCredits,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> fieldsOfStudy,
            @Pattern(regexp = "GROUP_INTERNET_BASED|GROUP_LIVE|BLENDED",
                    message = "must be GROUP_INTERNET_BASED, GROUP_LIVE or BLENDED")
            @Schema(defaultValue = GROUP_INTERNET_BASED) String deliveryMethod,
            @NotBlank @Size(max = 100) @Schema(description = "Provider (webcast credential) id") String providerId,
            @Size(max = 100) @Schema(description = "Meeting Organizer object id; required for application providers")
            String organizerId,
            @NotBlank @Size(max = 2000) @Schema(description = "The Teams Join URL") String joinUrl,
            @Size(max = 100) @Schema(description = "Ruleset id; default: the firm's default ruleset (NASBA GIB)")
            String rulesetId,
            @Min(1) @Schema(description = "Ruleset version; default: its current version when the ruleset is "
                    + "chosen, unchanged on PUT when the ruleset stays the same") Integer rulesetVersion) {
        public SessionDraft draft() {
            return new SessionDraft(title, description, scheduledStart, scheduledEnd, timeZone, maxCredits,
                    fieldsOfStudy, deliveryMethod, providerId, organizerId, joinUrl, rulesetId, rulesetVersion);
        }
    }

    @Schema(description = "The Teams meeting the Join URL resolved to, as Microsoft Graph reports it")
    public record MeetingView(String meetingId, String organizerId, Instant start, Instant end) {
    }

    @Schema(description = "A session; warnings list what deserves a look but did not stop it")
    public record SessionView(UUID id, String title, String description, Instant scheduledStart,
                              Instant scheduledEnd, String timeZone, BigDecimal maxCredits,
                              List<String> fieldsOfStudy, String deliveryMethod, String providerId,
                              String joinUrl, MeetingView meeting, String rulesetId, Integer rulesetVersion,
                              Session.Status status, int revision, int rosterRevision, List<String> warnings) {
        public static SessionView of(Session s, List<String> warnings) {
            return new SessionView(s.id, s.title, s.description, s.scheduledStart, s.scheduledEnd, s.timeZone,
                    s.maxCredits, s.fieldsOfStudy, s.deliveryMethod, s.providerId, s.joinUrl,
                    new MeetingView(s.meetingId, s.organizerId, s.meetingStart, s.meetingEnd), s.rulesetId,
                    s.rulesetVersion, s.status, s.revision, s.rosterRevision, warnings);
        }
    }

    public record SessionPage(List<SessionView> items, int page, int size, long total) {
        public static SessionPage of(io.teamscpe.session.SessionPage p) {
            return new SessionPage(p.items().stream().map(s -> SessionView.of(s, List.of())).toList(), p.page(),
                    p.size(), p.total());
        }
    }
}
