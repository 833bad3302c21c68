package io.teamscpe.credential.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.teamscpe.credential.ExpiryNoticeKind;
import io.teamscpe.credential.Provider;
import io.teamscpe.credential.ProviderStatus;
import io.teamscpe.credential.config.CredentialConfig;
import io.teamscpe.credential.messaging.CredentialEvents;
import io.teamscpe.credential.store.ProviderStore;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final ProviderStore store;
    private final CredentialEvents events;
    private final CredentialConfig config;
    private final Clock clock = Clock.systemUTC();

    public SecretExpiryCheck(ProviderStore store, CredentialEvents events, CredentialConfig config) {
        this.store = store;
        this.events = events;
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
        List<UUID> due = QuarkusTransaction.requiringNew().call(() ->
                store.expiringBy(today.plusDays(config.expiryWarningDays())));
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
        if (!store.claimExpiryNotice(id, today, expired ? ExpiryNoticeKind.EXPIRED : ExpiryNoticeKind.EXPIRING)) {
            return false;
        }
        Instant now = Instant.now();
        if (expired) {
            p.status = ProviderStatus.INVALID;
            p.statusCode = "client-secret-expired";
            p.statusDetail = "The client secret expired on " + p.secretExpiresOn + ". Create a new client secret in "
                    + "App registrations > " + p.clientId + " > Certificates & secrets and update this provider.";
            p.updatedAt = now;
            events.validated(p, now);
        } else {
            if (p.status == ProviderStatus.VALID) {
                p.status = ProviderStatus.EXPIRING;
                p.statusCode = "client-secret-expiring";
                p.statusDetail = "The credential works, but its client secret expires on " + p.secretExpiresOn + ".";
                p.updatedAt = now;
            }
            int daysLeft = (int) ChronoUnit.DAYS.between(today, p.secretExpiresOn);
            events.expiring(p, daysLeft, now);
        }
        return true;
    }
}
