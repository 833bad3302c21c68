package io.teamscpe.credential;

/** What became of a token request, as the {@code token_issue} audit records it: ISSUED, FAILED_x or REFUSED_x. */
public record TokenIssueOutcome(Kind kind, String reason) {
    /** Issued, failed at the identity platform, or refused by Teams CPE. */
    public enum Kind {
        ISSUED,
        FAILED,
        REFUSED
    }

    public static TokenIssueOutcome issued() {
        return new TokenIssueOutcome(Kind.ISSUED, null);
    }

    public static TokenIssueOutcome failed(String reason) {
        return new TokenIssueOutcome(Kind.FAILED, reason);
    }

    public static TokenIssueOutcome refused(String reason) {
        return new TokenIssueOutcome(Kind.REFUSED, reason);
    }

    /** The audit column value. */
    public String recorded() {
        return reason == null ? kind.name() : kind.name() + "_" + reason;
    }
}
