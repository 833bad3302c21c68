package io.teamscpe.polling.service;

import io.teamscpe.platform.audit.AuditPart;
import io.teamscpe.platform.audit.AuditZip;
import io.teamscpe.platform.readmodel.KnownSession;
import io.teamscpe.platform.readmodel.KnownSessions;
import io.teamscpe.polling.store.AuditStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * This service's part of a session's audit bundle: every uploaded Forms export (replaced ones too) exactly as
 * uploaded with its SHA-256, and the polls with their inclusion and the history of who excluded or replaced what.
 */
@ApplicationScoped
public class AuditMaterial implements AuditPart {
    private final KnownSessions sessions;
    private final AuditStore store;

    public AuditMaterial(KnownSessions sessions, AuditStore store) {
        this.sessions = sessions;
        this.store = store;
    }

    @Override
    @Transactional
    public boolean known(String firmId, String sessionId) {
        return sessions.findInFirm(firmId, sessionId).isPresent();
    }

    @Override
    @Transactional
    public void write(String sessionId, OutputStream out) {
        try (AuditZip zip = new AuditZip(out)) {
            store.write(zip, sessionId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
