package io.teamscpe.credential.api;

import io.teamscpe.contracts.credential.ProviderType;
import io.teamscpe.credential.AuthorizeLink;
import io.teamscpe.credential.Diagnosis;
import io.teamscpe.credential.OrganizerDirectory;
import io.teamscpe.credential.Provider;
import io.teamscpe.credential.ProviderChanges;
import io.teamscpe.credential.ProviderRegistration;
import io.teamscpe.credential.ProviderStatus;
import io.teamscpe.credential.ValidationOutcome;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of /api/providers. Secrets go in, never out. */
public final class ProviderApi {
    private ProviderApi() {
    }

    @Schema(description = "A Microsoft Teams credential to register")
    public record RegisterProvider(
            @NotNull @Schema(description = "APPLICATION (one per firm) or DELEGATED (one per organizer)")
            ProviderType type,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 100) @Schema(description = "Directory (tenant) id; required for APPLICATION")
            String tenantId,
            @NotBlank @Size(max = 100) @Schema(description = "Application (client) id") String clientId,
            @NotBlank @Size(max = 1000) @Schema(description = "Client secret value; stored encrypted, never returned")
            String clientSecret,
            @Schema(description = "When the client secret expires (for the expiry warning)")
            LocalDate secretExpiresOn) {
        @Override
        public String toString() {
            return "RegisterProvider[type=" + type + ", name=" + name + ", tenantId=" + tenantId + ", clientId="
                    + clientId + ", clientSecret=<redacted>, secretExpiresOn=" + secretExpiresOn + "]";
        }

        public ProviderRegistration command() {
            return new ProviderRegistration(type, name, tenantId, clientId, clientSecret, secretExpiresOn);
        }
    }

    @Schema(description = "Changes to a provider; a new secret re-validates it")
    public record UpdateProvider(@Size(max = 200) String name, @Size(max = 1000) String clientSecret,
                                 LocalDate secretExpiresOn) {
        @Override
        public String toString() {
            return "UpdateProvider[name=" + name + ", clientSecret=<redacted>, secretExpiresOn=" + secretExpiresOn
                    + "]";
        }

        public ProviderChanges command() {
            return new ProviderChanges(name, clientSecret, secretExpiresOn);
        }
    }

    @Schema(description = "Optional: the organizer whose Teams access policy to check (application credentials)")
    public record ValidateRequest(@Size(max = 100) String organizerId) {
    }

    @Schema(description = "The organizer a delegated provider acts for, once they signed in")
    public record OrganizerView(@Schema(description = "Entra object id") String id,
                                @Schema(description = "User principal name") String userPrincipalName,
                                String displayName) {
        static OrganizerView of(Provider p) {
            return p.organizerId == null ? null : new OrganizerView(p.organizerId, p.organizerUpn, p.organizerName);
        }
    }

    @Schema(description = "A provider credential as the LMS shows it; the secret appears only as its last 4 characters")
    public record ProviderView(UUID id, ProviderType type, String name, String tenantId, String clientId,
                               String secretHint, LocalDate secretExpiresOn, ProviderStatus status,
                               String statusCode, String statusDetail, Instant lastValidatedAt, Instant createdAt,
                               @Schema(description = "Delegated providers: the signed-in organizer")
                               OrganizerView organizer) {
        public static ProviderView of(Provider p) {
            return new ProviderView(p.id, p.type, p.name, p.tenantId, p.clientId, p.secretHint, p.secretExpiresOn,
                    p.status, p.statusCode, p.statusDetail, p.lastValidatedAt, p.createdAt, OrganizerView.of(p));
        }
    }

    @Schema(description = "The outcome of a validation: status, and when not VALID what is wrong and how to fix it. "
            + "A delegated provider whose organizer must sign in carries the single-use Microsoft sign-in link.")
    public record ValidationResult(ProviderStatus status, String code, String message, List<String> fix,
                                   ProviderView provider,
                                   @Schema(description = "Delegated, NEEDS_CONSENT: send the organizer here")
                                   URI authorizeUrl,
                                   @Schema(description = "When authorizeUrl stops working") Instant authorizeUrlExpiresAt) {
        public static ValidationResult of(ValidationOutcome outcome) {
            Diagnosis d = outcome.diagnosis();
            AuthorizeLink link = outcome.authorizeLink();
            return new ValidationResult(d.status(), d.code(), d.message(), d.fix(), ProviderView.of(outcome.provider()),
                    link == null ? null : link.url(), link == null ? null : link.expiresAt());
        }
    }

    @Schema(description = "A user of the tenant who can organize meetings")
    public record OrganizerEntry(@Schema(description = "Entra object id") String id, String displayName,
                                 String mail, String userPrincipalName) {
        static OrganizerEntry of(OrganizerDirectory.Entry e) {
            return new OrganizerEntry(e.id(), e.displayName(), e.mail(), e.userPrincipalName());
        }
    }

    @Schema(description = "One page of the organizer directory")
    public record OrganizerPage(List<OrganizerEntry> organizers,
                                @Schema(description = "Pass as pageToken for the next page; absent on the last page")
                                String nextPageToken) {
        public static OrganizerPage of(OrganizerDirectory.Page page) {
            return new OrganizerPage(page.organizers().stream().map(OrganizerEntry::of).toList(),
                    page.nextPageToken());
        }
    }
}
