package io.teamscpe.credential;

/** What the daily expiry check told about a client secret ({@code expiry_notice.kind}). */
public enum ExpiryNoticeKind {
    EXPIRING,
    EXPIRED
}
