package io.teamscpe.emulator.idp;

import io.teamscpe.emulator.jwt.Jwt;
import io.teamscpe.emulator.state.EmulatorState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints the firm IdP's access tokens: firm users' tokens and the built-in clients' (service, operator) tokens.
 * Every token names the API it is for in {@code aud} ({@link #AUDIENCE} unless a test asks for another).
 */
public final class IdpTokens {

    /** Lifetime of every IdP token, in seconds. */
    public static final int LIFETIME_SECONDS = 3600;
    /** The {@code aud} of every token the firm IdP mints: the Teams CPE REST API. */
    public static final String AUDIENCE = "teamscpe-api";
    /** Role of the service client's tokens. */
    public static final String SERVICE_ROLE = "cpe-service";
    /** Role of the operator client's tokens. */
    public static final String OPERATOR_ROLE = "cpe-operator";

    private final EmulatorState state;
    private final String tenantSegment;

    public IdpTokens(EmulatorState state, String tenantSegment) {
        this.state = state;
        this.tenantSegment = tenantSegment;
    }

    /** {@code {base}/teamscpe-idp/v2.0}: the issuer, also the OIDC discovery base. */
    public String issuer() {
        return state.baseUrl() + "/" + tenantSegment + "/v2.0";
    }

    /** A firm user's token for {@link #AUDIENCE}: sub, firm_id, roles, name, email (also as preferred_username). */
    public String userToken(String firmId, String subject, String name, String email, List<String> roles) {
        return userToken(firmId, subject, name, email, roles, null);
    }

    /**
     * A firm user's token with this {@code aud} (null or blank: {@link #AUDIENCE}), e.g. another API's audience for
     * a test that the services refuse it. No {@code azp}: a user token never looks like a client's.
     */
    public String userToken(String firmId, String subject, String name, String email, List<String> roles,
                            String audience) {
        Map<String, Object> claims = baseClaims(subject, audience);
        claims.put("firm_id", firmId);
        claims.put("roles", roles == null ? List.of() : List.copyOf(roles));
        if (email != null) {
            claims.put("preferred_username", email);
            claims.put("email", email);
        }
        if (name != null) {
            claims.put("name", name);
        }
        return Jwt.sign(claims, state.idpKey());
    }

    /** A service client's token: sub and azp are the client id, role {@value #SERVICE_ROLE}, no firm_id. */
    public String serviceToken(String clientId) {
        return clientToken(clientId, List.of(SERVICE_ROLE));
    }

    /** A built-in client's token: sub and azp are the client id, these roles, aud {@link #AUDIENCE}, no firm_id. */
    public String clientToken(String clientId, List<String> roles) {
        Map<String, Object> claims = baseClaims(clientId, null);
        claims.put("azp", clientId);
        claims.put("roles", List.copyOf(roles));
        return Jwt.sign(claims, state.idpKey());
    }

    /** The OAuth token response around an access token. */
    public static Map<String, Object> tokenResponse(String accessToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        body.put("token_type", "Bearer");
        body.put("expires_in", LIFETIME_SECONDS);
        return body;
    }

    private Map<String, Object> baseClaims(String subject, String audience) {
        Instant now = state.clock().instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer());
        claims.put("sub", subject);
        claims.put("aud", audience == null || audience.isBlank() ? AUDIENCE : audience);
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + LIFETIME_SECONDS);
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }
}
