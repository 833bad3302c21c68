package io.teamscpe.polling.reconcile;

/** How a respondent was matched (stored in poll_response.match_method and published under its name). */
public enum MatchMethod {
    /** A mapping an admin made for the firm. */
    MAPPING,
    /** The respondent's email is a participant's or an enrollment's primary email. */
    EMAIL,
    /** The respondent's email is an enrollment's UPN. */
    UPN,
    /** The respondent's email is one of an enrollment's alternate emails. */
    ALTERNATE_EMAIL,
    /** The normalized display name of exactly one person. */
    NAME;

    /** The stored or published name back as a method; null stays null. */
    public static MatchMethod of(String name) {
        return name == null ? null : valueOf(name);
    }
}
