package io.teamscpe.platform.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Operator actions (key rotation, dead-letter redrive) are kept in the service's {@code operator_action} table and
 * logged: who (the operator client and subject), what, when, and the outcome. Never a secret in {@code detail}.
 */
@ApplicationScoped
public class OperatorAudit {
    private static final Logger LOG = Logger.getLogger(OperatorAudit.class);

    private final EntityManager em;
    private final JsonWebToken caller;

    public OperatorAudit(EntityManager em, JsonWebToken caller) {
        this.em = em;
        this.caller = caller;
    }

    /** Records {@code action} by the calling operator in a transaction of its own (kept even if the action fails). */
    public void record(String action, String outcome) {
        String operator = caller.getClaim("azp") + "/" + caller.getSubject();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into operator_action (id, at, operator, action, outcome) values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, Instant.now()).setParameter(3, operator)
                .setParameter(4, action).setParameter(5, outcome).executeUpdate());
        LOG.infof("operator %s: %s (%s)", operator, action, outcome);
    }
}
