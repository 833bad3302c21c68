package io.teamscpe.credential.crypto;

/** A stored secret failed authentication: never silently ignored. */
public class TamperedSecretException extends RuntimeException {
    public TamperedSecretException(String message) {
        super(message);
    }
}
