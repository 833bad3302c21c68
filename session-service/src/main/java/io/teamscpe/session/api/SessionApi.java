package io.teamscpe.session.api;

import io.teamscpe.contracts.session.CreditType;
import io.teamscpe.session.CreditTypeDraft;
import io.teamscpe.session.Session;
import io.teamscpe.session.SessionCreditType;
import io.teamscpe.session.SessionDraft;
import jakarta.validation.Valid;
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
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of /api/sessions. */
public final class SessionApi {
    public static final String GROUP_INTERNET_BASED = SessionDraft.GROUP_INTERNET_BASED;
    private static final String DERIVED = "Sent back as read: true means the maximum is derived (maxCredits is then "
            + "ignored and derived again from the schedule)";

    private SessionApi() {
    }

    @Schema(description = "A CPE session delivered as a Teams meeting (POST creates it, PUT replaces it whole, PATCH "
            + "changes the fields it names). Without creditTypes the session has one credit type, CPE, from rulesetId, "
            + "rulesetVersion and maxCredits (on PUT: its first type, the others kept); with creditTypes those three "
            + "may be left out, and when sent must equal the first type's")
    public record CreateSession(
            @NotBlank @Size(max = 300) String title,
            @Size(max = 5000) String description,
            @NotNull @Schema(example = "2026-10-05T16:00:00Z") Instant scheduledStart,
            @NotNull @Schema(example = "2026-10-05T17:40:00Z") Instant scheduledEnd,
            @NotBlank @Size(max = 60) @Schema(description = "IANA time zone", example = "America/New_York")
            String timeZone,
            @DecimalMin("0") @DecimalMax("100") @Schema(description = "The first credit type's maximum; at most 2 "
                    + "decimal places; left out: derived from the scheduled duration under its ruleset")
            BigDecimal maxCredits,
            @Schema(description = DERIVED) Boolean maxCreditsDerived,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> fieldsOfStudy,
            @Pattern(regexp = "GROUP_INTERNET_BASED|GROUP_LIVE|BLENDED",
                    message = "must be GROUP_INTERNET_BASED, GROUP_LIVE or BLENDED")
            @Schema(defaultValue = GROUP_INTERNET_BASED) String deliveryMethod,
            @NotBlank @Size(max = 100) @Schema(description = "Provider (webcast credential) id") String providerId,
            @Size(max = 100) @Schema(description = "Meeting Organizer object id; required for application providers")
            String organizerId,
            @NotBlank @Size(max = 2000) @Schema(description = "The Teams Join URL") String joinUrl,
            @Size(max = 100) @Schema(description = "The first credit type's ruleset id; default: the firm's default "
                    + "ruleset (NASBA GIB)") String rulesetId,
            @Min(1) @Schema(description = "The first credit type's ruleset version; default: its current version when "
                    + "the ruleset is chosen, unchanged on PUT when the ruleset stays the same") Integer rulesetVersion,
            @Size(min = 1, max = CreditTypeDraft.MAX_TYPES) @Schema(description = "The kinds of credit the session "
                    + "awards (CPA, CFP, EA …), each under its own ruleset version and maximum, codes unique ignoring "
                    + "case; left out: one, CPE (on PUT: the session's types, the first from the top-level fields)")
            List<@Valid @NotNull CreditTypeRequest> creditTypes) {
        public SessionDraft draft() {
            boolean derived = Boolean.TRUE.equals(maxCreditsDerived);
            return new SessionDraft(title, description, scheduledStart, scheduledEnd, timeZone,
                    derived ? null : maxCredits, maxCredits != null || maxCreditsDerived != null, fieldsOfStudy,
                    deliveryMethod, providerId, organizerId, joinUrl, rulesetId, rulesetVersion,
                    creditTypes == null ? null : creditTypes.stream().map(CreditTypeRequest::draft).toList());
        }

        /**
         * The session as it stands, as a body PUT would take (the base of a merge patch): its credit types with
         * their pinned versions and given maxima (derived ones left out, so they are derived again), no top-level
         * ruleset fields, and the organizer only for application providers (a delegated one refuses it).
         */
        public static CreateSession of(Session s) {
            String organizer = "DELEGATED".equals(s.providerType) ? null : s.organizerId;
            return new CreateSession(s.title, s.description, s.scheduledStart, s.scheduledEnd, s.timeZone, null,
                    null, s.fieldsOfStudy, s.deliveryMethod, s.providerId, organizer, s.joinUrl, null, null,
                    s.creditTypeList().stream().map(CreditTypeRequest::of).toList());
        }
    }

    @Schema(description = "One kind of credit the session awards, under its own ruleset version and maximum")
    public record CreditTypeRequest(
            @NotBlank @Pattern(regexp = CreditTypeDraft.CODE_PATTERN, message = "must be 1 to 40 letters, digits, "
                    + "'_' or '-'") @Schema(description = "The firm's short name for it, unique within the session "
                    + "(ignoring case); enrollments name it", example = "CPA") String code,
            @Size(max = 100) @Schema(description = "Ruleset id; default: the firm's default ruleset (on PUT/PATCH, "
                    + "for a code the session has: its ruleset, unchanged)") String rulesetId,
            @Min(1) @Schema(description = "Ruleset version; default: its current version (unchanged while the type "
                    + "keeps its ruleset)") Integer rulesetVersion,
            @DecimalMin("0") @DecimalMax("100") @Schema(description = "The most this type awards, at most 2 decimal "
                    + "places; left out: derived from the scheduled duration under the ruleset, and derived again "
                    + "whenever the schedule or the ruleset changes") BigDecimal maxCredits,
            @Schema(description = DERIVED) Boolean maxCreditsDerived) {
        CreditTypeDraft draft() {
            return new CreditTypeDraft(code, rulesetId, rulesetVersion,
                    Boolean.TRUE.equals(maxCreditsDerived) ? null : maxCredits);
        }

        static CreditTypeRequest of(CreditType t) {
            return new CreditTypeRequest(t.code(), t.rulesetId(), t.rulesetVersion(),
                    t.maxCreditsDerived() ? null : t.maxCredits(), null);
        }
    }

    @Schema(description = "The Teams meeting the Join URL resolved to, as Microsoft Graph reports it")
    public record MeetingView(String meetingId, String organizerId, Instant start, Instant end) {
    }

    @Schema(description = "One kind of credit the session awards")
    public record CreditTypeView(
            @Schema(description = "The firm's short name for it (CPE for a session made with a single ruleset)")
            String code,
            @Schema(description = "The ruleset the type is credited under") String rulesetId,
            @Schema(description = "That ruleset's name (null if it is not the firm's)") String rulesetName,
            @Schema(description = "The ruleset version the type records") Integer rulesetVersion,
            @Schema(description = "The most this type awards for the session; null: no maximum (a session made "
                    + "before credit types whose maximum was left out, until its next change derives one)")
            BigDecimal maxCredits,
            @Schema(description = "true when maxCredits was derived from the scheduled duration under the ruleset "
                    + "(derived again when the schedule or ruleset changes), false when the administrator gave it")
            boolean maxCreditsDerived) {
        static CreditTypeView of(SessionCreditType t, Map<UUID, String> rulesetNames) {
            return new CreditTypeView(t.code, t.rulesetId == null ? null : t.rulesetId.toString(),
                    t.rulesetId == null ? null : rulesetNames.get(t.rulesetId), t.rulesetVersion, t.maxCredits,
                    t.maxCreditsDerived);
        }
    }

    @Schema(description = "A session; warnings list what deserves a look but did not stop it. rulesetId, "
            + "rulesetVersion, maxCredits and maxCreditsDerived are the first credit type's")
    public record SessionView(UUID id, String title, String description, Instant scheduledStart,
                              Instant scheduledEnd, String timeZone, BigDecimal maxCredits,
                              @Schema(description = "Whether the first credit type's maximum was derived from the "
                                      + "schedule (see creditTypes)") boolean maxCreditsDerived,
                              List<String> fieldsOfStudy, String deliveryMethod, String providerId,
                              String joinUrl, MeetingView meeting, String rulesetId, Integer rulesetVersion,
                              @Schema(description = "Every kind of credit the session awards, in the administrator's "
                                      + "order") List<CreditTypeView> creditTypes,
                              Session.Status status, int revision, int rosterRevision, List<String> warnings) {
        public static SessionView of(Session s, List<String> warnings, Map<UUID, String> rulesetNames) {
            return new SessionView(s.id, s.title, s.description, s.scheduledStart, s.scheduledEnd, s.timeZone,
                    s.maxCredits, s.maxCreditsDerived(), s.fieldsOfStudy, s.deliveryMethod, s.providerId, s.joinUrl,
                    new MeetingView(s.meetingId, s.organizerId, s.meetingStart, s.meetingEnd), s.rulesetId,
                    s.rulesetVersion, s.creditTypes.stream().map(t -> CreditTypeView.of(t, rulesetNames)).toList(),
                    s.status, s.revision, s.rosterRevision, warnings);
        }
    }

    public record SessionPage(List<SessionView> items, int page, int size, long total) {
        public static SessionPage of(io.teamscpe.session.SessionPage p, Map<UUID, String> rulesetNames) {
            return new SessionPage(p.items().stream().map(s -> SessionView.of(s, List.of(), rulesetNames)).toList(),
                    p.page(), p.size(), p.total());
        }
    }
}
