package io.teamscpe.platform.audit;

import java.io.OutputStream;

/** A service's own audit material for one session, written as a zip (see {@link AuditPartResource}). */
public interface AuditPart {
    /** Whether the session is known to this service in this firm. */
    boolean known(String firmId, String sessionId);

    /** Writes the material as a zip with {@link AuditZip}. */
    void write(String sessionId, OutputStream out);
}
