package io.teamscpe.emulator.jwt;

import com.fasterxml.jackson.core.type.TypeReference;
import io.teamscpe.emulator.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Compact RS256 JSON Web Tokens: {@code base64url(header).base64url(payload).base64url(SHA256withRSA)}. */
public final class Jwt {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private Jwt() {
    }

    /** Signs the claims with the key; the header carries {@code alg RS256}, {@code typ JWT} and the key id. */
    public static String sign(Map<String, Object> claims, RsaSigningKey key) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "JWT");
        header.put("alg", "RS256");
        header.put("kid", key.kid());
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key.keyPair().getPrivate());
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + RsaSigningKey.base64Url(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a JWT", e);
        }
    }

    /**
     * Verifies the RS256 signature and the {@code exp}/{@code nbf} claims, and returns the claims.
     *
     * @throws JwtException when the token is malformed, wrongly signed, not yet valid or expired
     */
    public static Map<String, Object> verify(String token, PublicKey key, Instant now) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            throw new JwtException("The token is not a JWS compact serialization (three dot-separated parts).", false);
        }
        Map<String, Object> header = decode(parts[0]);
        if (!"RS256".equals(header.get("alg"))) {
            throw new JwtException("Unsupported signing algorithm '" + header.get("alg") + "'.", false);
        }
        if (!signatureMatches(parts, key)) {
            throw new JwtException("Signature is invalid.", false);
        }
        Map<String, Object> claims = decode(parts[1]);
        long epoch = now.getEpochSecond();
        if (claims.get("exp") instanceof Number exp && epoch >= exp.longValue()) {
            throw new JwtException("Lifetime validation failed, the token is expired.", true);
        }
        if (claims.get("nbf") instanceof Number nbf && epoch + 300 < nbf.longValue()) {
            throw new JwtException("Lifetime validation failed, the token is not yet valid.", false);
        }
        return claims;
    }

    /** Reads the payload without verifying anything (for diagnostics and tests). */
    public static Map<String, Object> unverifiedClaims(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new JwtException("The token is not a JWS compact serialization (three dot-separated parts).", false);
        }
        return decode(parts[1]);
    }

    private static boolean signatureMatches(String[] parts, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    private static String encode(Map<String, Object> json) {
        return RsaSigningKey.base64Url(Json.write(json));
    }

    private static Map<String, Object> decode(String part) {
        try {
            return Json.mapper().readValue(Base64.getUrlDecoder().decode(part), MAP);
        } catch (IllegalArgumentException | IOException e) {
            throw new JwtException("The token is malformed: a part is not base64url-encoded JSON.", false);
        }
    }
}
