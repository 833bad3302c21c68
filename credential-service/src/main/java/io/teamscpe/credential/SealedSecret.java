package io.teamscpe.credential;

/** A secret under envelope encryption, as stored: never the plaintext. */
public record SealedSecret(byte[] ciphertext, byte[] iv, byte[] wrappedKey, byte[] wrappedKeyIv,
                           String masterKeyId) {
}
