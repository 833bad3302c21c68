package io.teamscpe.emulator.identity;

import io.teamscpe.emulator.http.Request;
import java.util.Map;

/**
 * One OAuth 2.0 grant type of the Entra token endpoint. Client credentials is built in; the authorization-code
 * and refresh-token grants plug in here later without touching the endpoint.
 */
public interface TokenGrant {

    /** The {@code grant_type} value this grant answers. */
    String grantType();

    /**
     * Issues the token response (token_type, expires_in, access_token, ...) for an authenticated client.
     *
     * @throws EntraError when the request cannot be honoured
     */
    Map<String, Object> issue(AuthenticatedClient client, Map<String, String> form, Request request);
}
