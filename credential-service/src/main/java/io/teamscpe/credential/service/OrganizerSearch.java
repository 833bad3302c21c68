package io.teamscpe.credential.service;

import io.teamscpe.contracts.credential.ProviderType;
import io.teamscpe.credential.OrganizerDirectory;
import io.teamscpe.credential.Provider;
import io.teamscpe.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Picking a session's organizer: the directory of an application provider's tenant, searched and paged. */
@ApplicationScoped
public class OrganizerSearch {
    private final ProviderService providers;
    private final OrganizerDirectory directory;

    public OrganizerSearch(ProviderService providers, OrganizerDirectory directory) {
        this.providers = providers;
        this.directory = directory;
    }

    public OrganizerDirectory.Page page(String firmId, UUID providerId, String search, String pageToken) {
        Provider p = providers.get(firmId, providerId);
        if (p.type == ProviderType.DELEGATED) {
            throw new ProblemException(409, "delegated-has-no-directory", "Delegated providers have one organizer",
                    "Provider " + p.name + " is a delegated credential: its organizer is the user who signed in ("
                            + (p.organizerUpn == null ? "nobody yet" : p.organizerUpn) + "). Pick organizers from "
                            + "an application credential's directory.");
        }
        return directory.page(p, providers.secretOf(p), search, pageToken);
    }
}
