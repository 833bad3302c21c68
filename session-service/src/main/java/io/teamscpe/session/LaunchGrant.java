package io.teamscpe.session;

/** A granted launch: the session whose Join URL may be handed out, and its launch window. */
public record LaunchGrant(Session session, LaunchWindow window) {
}
