package io.teamscpe.credential;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.teamscpe.contracts.credential.ProviderType;
import io.teamscpe.platform.web.ETag;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** A Microsoft Entra app credential of one firm. The secret is only ever held encrypted ({@link SealedSecret}). */
@Entity
public class Provider extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "firm_id")
    public String firmId;
    @Enumerated(EnumType.STRING)
    public ProviderType type;
    public String name;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "secret_hint")
    public String secretHint;
    @Column(name = "secret_expires_on")
    public LocalDate secretExpiresOn;
    @Column(name = "secret_ciphertext")
    public byte[] secretCiphertext;
    @Column(name = "secret_iv")
    public byte[] secretIv;
    @Column(name = "dek_wrapped")
    public byte[] dekWrapped;
    @Column(name = "dek_iv")
    public byte[] dekIv;
    @Column(name = "master_key_id")
    public String masterKeyId;
    @Enumerated(EnumType.STRING)
    public ProviderStatus status;
    @Column(name = "status_code")
    public String statusCode;
    @Column(name = "status_detail")
    public String statusDetail;
    @Column(name = "last_validated_at")
    public Instant lastValidatedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;
    /** The signed-in organizer of a delegated provider: Entra object id, UPN, display name, msal account id. */
    @Column(name = "organizer_id")
    public String organizerId;
    @Column(name = "organizer_upn")
    public String organizerUpn;
    @Column(name = "organizer_name")
    public String organizerName;
    @Column(name = "organizer_account_id")
    public String organizerAccountId;
    @Version
    public long version;

    /** Firm-scoped lookup: another firm's provider, or a deleted one, is indistinguishable from a missing one. */
    public static Optional<Provider> findInFirm(String firmId, UUID id) {
        return find("id = ?1 and firmId = ?2 and deletedAt is null", id, firmId).firstResultOptional();
    }

    /** The same lookup, locking the row until the transaction ends: a write checks its If-Match against it. */
    public static Optional<Provider> lockInFirm(String firmId, UUID id) {
        return find("id = ?1 and firmId = ?2 and deletedAt is null", id, firmId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Changes with every change of the row (JPA bumps {@code version}), validations included. */
    public ETag etag() {
        return new ETag("provider", version);
    }

    public SealedSecret sealedSecret() {
        return new SealedSecret(secretCiphertext, secretIv, dekWrapped, dekIv, masterKeyId);
    }

    /** Forgets the secret entirely (deletion): nothing remains to decrypt. */
    public void wipeSecret() {
        secretCiphertext = null;
        secretIv = null;
        dekWrapped = null;
        dekIv = null;
        masterKeyId = null;
        secretHint = null;
    }

    public void seal(SealedSecret sealed) {
        secretCiphertext = sealed.ciphertext();
        secretIv = sealed.iv();
        dekWrapped = sealed.wrappedKey();
        dekIv = sealed.wrappedKeyIv();
        masterKeyId = sealed.masterKeyId();
    }
}
