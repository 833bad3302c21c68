package io.teamscpe.credential.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.teamscpe.contracts.credential.CredentialExpiring;
import io.teamscpe.contracts.credential.CredentialValidated;
import io.teamscpe.credential.Provider;
import io.teamscpe.credential.ProviderStatus;
import io.teamscpe.credential.config.CredentialConfig;
import io.teamscpe.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The daily look at client secret expiry dates: a secret expiring within the warning window makes a valid provider
 * EXPIRING and publishes CredentialExpiring (with the date and days left); an expired one makes the provider
 * INVALID (client-secret-expired) and publishes CredentialValidated. Once per provider per day, whichever replica
 * runs first: the {@code expiry_notice} primary key is the guard, taken in the same transaction as the change.
 */
@ApplicationScoped
public class SecretExpiryCheck {
    private static final Logger LOG = Logger.getLogger(SecretExpiryCheck.class);

    private final EntityManager em;
    private final Outbox outbox;
    private final CredentialConfig config;
    private final Clock clock = Clock.systemUTC();

    public SecretExpiryCheck(EntityManager em, Outbox outbox, CredentialConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.config = config;
    }

    @Scheduled(identity = "secret-expiry-check", cron = "${teamscpe.credentials.expiry-check-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Checks every provider; returns how many were notified today by this call. */
    public int run() {
        LocalDate today = LocalDate.now(clock);
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery("""
                        select p.id from Provider p where p.deletedAt is null and p.secretExpiresOn is not null
                        and p.secretExpiresOn <= ?1""", UUID.class)
                .setParameter(1, today.plusDays(config.expiryWarningDays())).getResultList());
        int notified = 0;
        for (UUID id : due) {
            if (QuarkusTransaction.requiringNew().call(() -> check(id, today))) {
                notified++;
            }
        }
        if (notified > 0) {
            LOG.infof("secret expiry check: %d provider(s) notified", notified);
        }
        return notified;
    }

    private boolean check(UUID id, LocalDate today) {
        Provider p = Provider.findById(id);
        if (p == null || p.deletedAt != null || p.secretExpiresOn == null) {
            return false;
        }
        boolean expired = p.secretExpiresOn.isBefore(today);
        if (expired && p.status == ProviderStatus.INVALID && "client-secret-expired".equals(p.statusCode)) {
            return false;
        }
        int claimed = em.createNativeQuery("""
                        insert into expiry_notice (provider_id, notice_date, kind, created_at) values (?1, ?2, ?3, ?4)
                        on conflict do nothing""")
                .setParameter(1, id).setParameter(2, today).setParameter(3, expired ? "EXPIRED" : "EXPIRING")
                .setParameter(4, Instant.now()).executeUpdate();
        if (claimed == 0) {
            return false;
        }
        Instant now = Instant.now();
        if (expired) {
            p.status = ProviderStatus.INVALID;
            p.statusCode = "client-secret-expired";
            p.statusDetail = "The client secret expired on " + p.secretExpiresOn + ". Create a new client secret in "
                    + "App registrations > " + p.clientId + " > Certificates & secrets and update this provider.";
            p.updatedAt = now;
            outbox.publish(new CredentialValidated(p.id.toString(), p.firmId, p.status.name(), p.statusCode, now));
        } else {
            if (p.status == ProviderStatus.VALID) {
                p.status = ProviderStatus.EXPIRING;
                p.statusCode = "client-secret-expiring";
                p.statusDetail = "The credential works, but its client secret expires on " + p.secretExpiresOn + ".";
                p.updatedAt = now;
            }
            int daysLeft = (int) ChronoUnit.DAYS.between(today, p.secretExpiresOn);
            outbox.publish(new CredentialExpiring(p.id.toString(), p.firmId, p.secretExpiresOn, daysLeft, now));
        }
        return true;
    }
}
