package io.teamscpe.credential.microsoft;

import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import io.teamscpe.credential.OrganizerDirectory;
import io.teamscpe.credential.Provider;
import io.teamscpe.credential.config.CredentialConfig;
import io.teamscpe.platform.graph.GraphClients;
import io.teamscpe.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The organizer directory of an application provider: the tenant's users from Graph {@code /users}, searched and
 * paged. The page token is opaque to the client; it carries Graph's {@code @odata.nextLink}, bound to the provider
 * and only ever followed on Graph's own {@code /users} endpoint (the provider's token never goes elsewhere).
 */
@ApplicationScoped
public class GraphOrganizerDirectory implements OrganizerDirectory {
    private static final String[] FIELDS = {"id", "displayName", "mail", "userPrincipalName"};

    private final MicrosoftIdentity identity;
    private final GraphClients graph;
    private final CredentialConfig config;
    private final String usersUrl;

    public GraphOrganizerDirectory(MicrosoftIdentity identity, GraphClients graph, CredentialConfig config,
                                   @ConfigProperty(name = "teamscpe.graph.base-url") String graphBaseUrl) {
        this.identity = identity;
        this.graph = graph;
        this.config = config;
        this.usersUrl = graphBaseUrl.replaceAll("/+$", "") + "/users";
    }

    @Override
    public Page page(Provider p, String secret, String search, String pageToken) {
        String token;
        try {
            token = identity.applicationToken(p, secret).accessToken();
        } catch (MsalException e) {
            throw EntraErrors.explain(e, p).unusable();
        }
        GraphServiceClient client = graph.withToken(token);
        try {
            UserCollectionResponse page = pageToken == null || pageToken.isBlank()
                    ? firstPage(client, search)
                    : client.users().withUrl(nextLink(pageToken, p.id)).get();
            List<Entry> users = page.getValue() == null ? List.of() : page.getValue().stream()
                    .map(GraphOrganizerDirectory::entry).toList();
            return new Page(users, page.getOdataNextLink() == null ? null
                    : pageToken(page.getOdataNextLink(), p.id));
        } catch (ApiException e) {
            throw graphError(e, p);
        }
    }

    private UserCollectionResponse firstPage(GraphServiceClient client, String search) {
        String term = search == null ? "" : search.replaceAll("[\"\\\\]", "").trim();
        return client.users().get(rc -> {
            rc.queryParameters.top = config.organizerPageSize();
            rc.queryParameters.select = FIELDS;
            rc.queryParameters.count = true;
            rc.headers.add("ConsistencyLevel", "eventual");
            if (!term.isEmpty()) {
                rc.queryParameters.search = "\"displayName:" + term + "\" OR \"mail:" + term
                        + "\" OR \"userPrincipalName:" + term + "\"";
            }
        });
    }

    private static Entry entry(User u) {
        return new Entry(u.getId(), u.getDisplayName(), u.getMail(), u.getUserPrincipalName());
    }

    private String pageToken(String nextLink, UUID providerId) {
        String raw = providerId + "|" + nextLink;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private String nextLink(String pageToken, UUID providerId) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw badToken();
        }
        String prefix = providerId + "|";
        if (!raw.startsWith(prefix)) {
            throw badToken();
        }
        String link = raw.substring(prefix.length());
        URI uri;
        try {
            uri = URI.create(link);
        } catch (IllegalArgumentException e) {
            throw badToken();
        }
        URI users = URI.create(usersUrl);
        if (!users.getScheme().equals(uri.getScheme()) || !users.getAuthority().equals(uri.getAuthority())
                || !users.getPath().equals(uri.getPath())) {
            throw badToken();
        }
        return link;
    }

    private static ProblemException badToken() {
        return ProblemException.badRequest("invalid-page-token", "Invalid page token",
                "The pageToken was not issued for this provider's organizer directory. Start again without "
                        + "pageToken and pass nextPageToken exactly as returned.");
    }

    private static ProblemException graphError(ApiException e, Provider p) {
        String message = e instanceof ODataError odata && odata.getError() != null
                ? odata.getError().getMessage() : e.getMessage();
        if (e.getResponseStatusCode() == 403) {
            return new ProblemException(424, "missing-permission", "The app may not read the directory",
                    "Microsoft Graph refused to list the users of tenant " + p.tenantId + ": app " + p.clientId
                            + " lacks the application permission User.Read.All. In App registrations > "
                            + p.clientId + " > API permissions > Add a permission > Microsoft Graph > Application "
                            + "permissions, add User.Read.All, then click 'Grant admin consent'.")
                    .with("reason", "missing-permission").with("permission", "User.Read.All");
        }
        return new ProblemException(502, "graph-error", "Microsoft Graph failed",
                "Microsoft Graph answered " + e.getResponseStatusCode() + " to the directory search: " + message
                        + " Try again; if it persists, validate the provider.").with("reason", "graph-error");
    }
}
