package io.teamscpe.credential;

import java.util.List;

/** The seam to the directory of an application provider's tenant: the users who can organize meetings, paged. */
public interface OrganizerDirectory {
    /**
     * One page of the tenant's users, optionally searched; {@code pageToken} is the opaque {@code nextPageToken} of
     * the previous page of the same provider.
     */
    Page page(Provider p, String secret, String search, String pageToken);

    /** A user of the tenant. */
    record Entry(String id, String displayName, String mail, String userPrincipalName) {
    }

    /** One page; {@code nextPageToken} is null on the last page. */
    record Page(List<Entry> organizers, String nextPageToken) {
    }
}
