package io.teamscpe.platform.security;

import io.teamscpe.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, from the verified bearer token only. Every firm-owned query is scoped by {@link #firmId()}. */
@RequestScoped
public class FirmContext {
    public static final String FIRM_CLAIM = "firm_id";

    private final JsonWebToken token;

    public FirmContext(JsonWebToken token) {
        this.token = token;
    }

    public String firmId() {
        String firm = token.getClaim(FIRM_CLAIM);
        if (firm == null || firm.isBlank()) {
            throw new ProblemException(403, "no-firm", "Token carries no firm",
                    "Your token has no firm_id claim; sign in through your firm's identity provider.");
        }
        return firm;
    }

    /** The acting user, for audit trails. */
    public String userId() {
        String email = token.getClaim("preferred_username");
        return email != null ? email : token.getSubject();
    }
}
