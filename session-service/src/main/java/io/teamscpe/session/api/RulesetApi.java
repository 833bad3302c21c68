package io.teamscpe.session.api;

import io.teamscpe.contracts.session.RulesetRules;
import io.teamscpe.session.Ruleset;
import io.teamscpe.session.RulesetAtVersion;
import io.teamscpe.session.RulesetDraft;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of /api/rulesets. */
public final class RulesetApi {
    private RulesetApi() {
    }

    @Schema(description = "A ruleset to create or edit. Editing the rules of a version that sessions use creates a "
            + "new version; those sessions keep theirs.")
    public record RulesetRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @Schema(description = "The credit rules (see docs/credit-rules.md in the repository); refused with every wrong field named")
            RulesetRules rules,
            @Schema(description = "Make this the firm's default ruleset for new sessions") Boolean makeDefault) {
        public RulesetDraft draft() {
            return new RulesetDraft(name, description, rules, makeDefault);
        }
    }

    @Schema(description = "A ruleset at one version")
    public record RulesetView(UUID id, String name, String description,
                              @Schema(description = "The built-in preset it started as, if any") String preset,
                              boolean firmDefault,
                              @Schema(description = "The version shown") int version,
                              int currentVersion, RulesetRules rules,
                              @Schema(description = "Sessions that record the version shown") long sessionsUsingVersion,
                              Instant createdAt, Instant updatedAt) {
        public static RulesetView of(RulesetAtVersion v) {
            Ruleset r = v.ruleset();
            return new RulesetView(r.id, r.name, r.description, r.presetKey, r.firmDefault, v.version(),
                    r.currentVersion, v.rules(), v.sessionsUsingVersion(), r.createdAt, r.updatedAt);
        }
    }

    public record RulesetList(List<RulesetView> items) {
    }
}
