package io.teamscpe.session.api;

import io.teamscpe.session.CreditTypeDraft;
import io.teamscpe.session.EnrolleeEntry;
import io.teamscpe.session.Enrollment;
import io.teamscpe.session.Roster;
import io.teamscpe.session.RosterPage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of /api/sessions/{id}/enrollments. */
public final class EnrollmentApi {
    private EnrollmentApi() {
    }

    @Schema(description = "A professional as the LMS knows them; attendance and polls are matched on the emails")
    public record EnrolleeRequest(
            @NotBlank @Size(max = 200) @Schema(description = "The LMS's id of the professional") String lmsId,
            @NotBlank @Email @Size(max = 320) String email,
            @Size(max = 10) @Schema(description = "Other addresses the person may join Teams or answer polls with")
            List<@NotBlank @Email @Size(max = 320) String> alternateEmails,
            @Size(max = 300) String displayName,
            @Size(max = CreditTypeDraft.MAX_TYPES) @Schema(description = "Codes of the session's credit types the "
                    + "professional seeks (e.g. [\"CFP\"]); left out or empty: all of them")
            List<@NotBlank @Pattern(regexp = CreditTypeDraft.CODE_PATTERN, message = "must be 1 to 40 letters, "
                    + "digits, '_' or '-'") String> creditTypes) {
        public EnrolleeEntry entry() {
            return new EnrolleeEntry(lmsId, email, alternateEmails, displayName, creditTypes);
        }
    }

    @Schema(description = "The whole roster; PUT replaces the session's roster with it (idempotent)")
    public record RosterRequest(@NotNull @Size(max = 20000) List<@Valid @NotNull EnrolleeRequest> enrollees) {
        public List<EnrolleeEntry> entries() {
            return enrollees.stream().map(EnrolleeRequest::entry).toList();
        }
    }

    public record EnrolleeView(String lmsId, String email, List<String> alternateEmails, String displayName,
                               Instant enrolledAt,
                               @Schema(description = "Codes of the session's credit types the professional seeks; "
                                       + "null: all of them. A code the session no longer has is kept (and earns "
                                       + "nothing)") List<String> creditTypes) {
        public static EnrolleeView of(Enrollment e) {
            return new EnrolleeView(e.lmsId, e.email, e.alternateEmails, e.displayName, e.enrolledAt, e.creditTypes);
        }
    }

    @Schema(description = "The session's roster; changed is false when the request changed nothing (no event). "
            + "GET lists it a page at a time: enrollees holds the page, enrolled counts the whole roster")
    public record RosterView(UUID sessionId, int rosterRevision, boolean changed, int enrolled,
                             List<EnrolleeView> enrollees) {
        /** One page of the roster, in the order the page was read. */
        public static RosterView of(RosterPage page) {
            Roster roster = page.roster();
            return new RosterView(roster.sessionId(), roster.rosterRevision(), roster.changed(),
                    (int) page.enrolled(), roster.enrollments().stream().map(EnrolleeView::of).toList());
        }

        public static RosterView of(Roster roster) {
            List<EnrolleeView> rows = roster.enrollments().stream().map(EnrolleeView::of)
                    .sorted(Comparator.comparing(EnrolleeView::lmsId)).toList();
            return new RosterView(roster.sessionId(), roster.rosterRevision(), roster.changed(), rows.size(), rows);
        }
    }
}
