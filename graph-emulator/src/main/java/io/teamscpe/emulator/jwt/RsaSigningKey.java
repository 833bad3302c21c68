package io.teamscpe.emulator.jwt;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An RSA key pair with a key id, as published in a JWKS document. Generated fresh for each emulator. */
public final class RsaSigningKey {

    private final KeyPair keyPair;
    private final String kid;

    private RsaSigningKey(KeyPair keyPair) {
        this.keyPair = keyPair;
        this.kid = thumbprint((RSAPublicKey) keyPair.getPublic());
    }

    public static RsaSigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new RsaSigningKey(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    public String kid() {
        return kid;
    }

    public KeyPair keyPair() {
        return keyPair;
    }

    public RSAPublicKey publicKey() {
        return (RSAPublicKey) keyPair.getPublic();
    }

    /** The public key as a JWK ({@code kty, use, kid, alg, n, e}). */
    public Map<String, Object> jwk() {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("kid", kid);
        jwk.put("alg", "RS256");
        jwk.put("n", base64Url(unsigned(publicKey().getModulus())));
        jwk.put("e", base64Url(unsigned(publicKey().getPublicExponent())));
        return jwk;
    }

    /** A JWKS document holding this key only. */
    public Map<String, Object> jwks() {
        return Map.of("keys", List.of(jwk()));
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String thumbprint(RSAPublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(unsigned(key.getModulus()));
            return base64Url(Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
