package io.teamscpe.reporting.messaging;

import io.teamscpe.contracts.credit.CreditAward;
import io.teamscpe.contracts.credit.CreditAwarded;
import io.teamscpe.contracts.credit.CreditRevised;
import io.teamscpe.contracts.credit.CreditRevoked;
import io.teamscpe.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;

/** Publishes processing's decisions on cpe.credits.v1 (through the outbox, in the caller's transaction). */
@ApplicationScoped
public class CreditPublisher {
    private final Outbox outbox;

    public CreditPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void awarded(String sessionId, String firmId, String creditType, CreditAward award, Instant now) {
        outbox.publish(new CreditAwarded(sessionId, firmId, award.professionalId(), creditType, award, now));
    }

    public void revised(String sessionId, String firmId, String creditType, BigDecimal previous, CreditAward award,
                        Instant now) {
        outbox.publish(new CreditRevised(sessionId, firmId, award.professionalId(), creditType, previous, award,
                now));
    }

    public void revoked(String sessionId, String firmId, String professionalId, String creditType,
                        BigDecimal credits, String reason, int run, String by, Instant now) {
        outbox.publish(new CreditRevoked(sessionId, firmId, professionalId, creditType, credits, reason, run, by,
                now));
    }
}
