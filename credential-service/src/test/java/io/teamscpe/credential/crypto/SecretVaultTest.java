package io.teamscpe.credential.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamscpe.credential.SealedSecret;
import io.teamscpe.credential.config.CredentialConfig;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretVaultTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final SecretVault vault = new SecretVault(config(KEY));

    @Test
    void sealsAndOpensWithoutKeepingThePlaintext() {
        SealedSecret sealed = vault.seal("s3cret-value", "firm-a", "p1");
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("s3cret-value");
        assertThat(vault.open(sealed, "firm-a", "p1")).isEqualTo("s3cret-value");
    }

    @Test
    void aFlippedBitFailsLoudly() {
        SealedSecret sealed = vault.seal("s3cret-value", "firm-a", "p1");
        sealed.ciphertext()[0] ^= 1;
        assertThatThrownBy(() -> vault.open(sealed, "firm-a", "p1")).isInstanceOf(TamperedSecretException.class);
    }

    @Test
    void aCiphertextMovedToAnotherFirmOrProviderDoesNotOpen() {
        SealedSecret sealed = vault.seal("s3cret-value", "firm-a", "p1");
        assertThatThrownBy(() -> vault.open(sealed, "firm-b", "p1")).isInstanceOf(TamperedSecretException.class);
        assertThatThrownBy(() -> vault.open(sealed, "firm-a", "p2")).isInstanceOf(TamperedSecretException.class);
    }

    @Test
    void anotherMasterKeyIsRecognised() {
        SealedSecret sealed = vault.seal("s3cret-value", "firm-a", "p1");
        byte[] other = new byte[32];
        other[0] = 1;
        SecretVault rotated = new SecretVault(config(Base64.getEncoder().encodeToString(other)));
        assertThatThrownBy(() -> rotated.open(sealed, "firm-a", "p1")).isInstanceOf(TamperedSecretException.class)
                .hasMessageContaining("master key");
    }

    @Test
    void secretsSealedUnderAStayReadableWithBCurrentAndAfterRewrapAIsNoLongerNeeded() {
        String keyA = KEY;
        byte[] b = new byte[32];
        b[31] = 7;
        String keyB = Base64.getEncoder().encodeToString(b);
        SealedSecret underA = vault.seal("s3cret-value", "firm-a", "p1");

        SecretVault rotating = new SecretVault(config(keyB, keyA));
        assertThat(rotating.open(underA, "firm-a", "p1")).isEqualTo("s3cret-value");
        assertThat(rotating.seal("new", "firm-a", "p2").masterKeyId()).isEqualTo(rotating.currentKeyId())
                .isNotEqualTo(underA.masterKeyId());

        SealedSecret underB = rotating.rewrap(underA, "p1");
        assertThat(underB.masterKeyId()).isEqualTo(rotating.currentKeyId());
        assertThat(underB.ciphertext()).isEqualTo(underA.ciphertext());

        SecretVault onlyB = new SecretVault(config(keyB));
        assertThat(onlyB.open(underB, "firm-a", "p1")).isEqualTo("s3cret-value");
        assertThatThrownBy(() -> onlyB.open(underA, "firm-a", "p1")).isInstanceOf(TamperedSecretException.class)
                .hasMessageContaining("previous-master-keys");
        assertThatThrownBy(() -> rotating.rewrap(underA, "p2")).isInstanceOf(TamperedSecretException.class);
    }

    private static CredentialConfig config(String key, String... previous) {
        return TestVaultConfig.of(key, previous);
    }
}
