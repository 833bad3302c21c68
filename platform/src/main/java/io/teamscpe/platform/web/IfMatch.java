package io.teamscpe.platform.web;

import io.teamscpe.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code If-Match} precondition of a write (RFC 9110 §13.1.1): absent (the write goes ahead as before), {@code *}
 * (the resource exists) or a list of entity tags compared strongly (a weak tag never matches). A use case checks it
 * with {@link #require} in the transaction of its write, after locking the resource, so that of two writers holding
 * the same tag exactly one wins; the other gets 412 {@code edit-conflict} naming the current tag.
 */
public final class IfMatch {
    /** No {@code If-Match} header: every write goes ahead. */
    public static final IfMatch ABSENT = new IfMatch(false, false, List.of());
    private static final IfMatch ANY = new IfMatch(true, true, List.of());
    /** More tags than anyone sends for one resource; the header is bounded by the URL/header limits anyway. */
    private static final int MAX_TAGS = 50;

    private final boolean present;
    private final boolean any;
    /** Strong tags without quotes; weak ones are parsed and dropped (they never match strongly). */
    private final List<String> strong;

    private IfMatch(boolean present, boolean any, List<String> strong) {
        this.present = present;
        this.any = any;
        this.strong = strong;
    }

    /** The header as sent ({@code null}: absent); a value that is not {@code *} or a list of entity tags is a 400. */
    public static IfMatch parse(String header) {
        if (header == null) {
            return ABSENT;
        }
        if (header.strip().equals("*")) {
            return ANY;
        }
        return EntityTags.parse(header).map(tags -> new IfMatch(true, false, tags.stream().filter(t -> !t.weak())
                .map(EntityTags.Tag::opaque).toList())).orElseThrow(() -> malformed(header));
    }

    /** Whether the header was sent at all. */
    public boolean present() {
        return present;
    }

    /** Whether a write to the resource now at {@code current} may go ahead. */
    public boolean matches(ETag current) {
        return !present || any || strong.contains(current.value());
    }

    /**
     * Refuses the write with 412 {@code edit-conflict} unless the caller's tag is {@code current}. {@code what}
     * names the resource for the user ("session", "roster of session …").
     */
    public void require(ETag current, String what) {
        if (!matches(current)) {
            throw new ProblemException(412, "edit-conflict", "Changed by someone else",
                    "Someone else changed this " + what + " since you read it (you sent If-Match " + shown()
                            + ", it is now " + current.header() + "). Nothing was changed: reload it, apply your "
                            + "change again and send it with If-Match " + current.header() + ".")
                    .with("currentETag", current.header());
        }
    }

    private String shown() {
        List<String> quoted = new ArrayList<>();
        strong.forEach(t -> quoted.add("\"" + t + "\""));
        return quoted.isEmpty() ? "with only weak tags" : String.join(", ", quoted);
    }

    private static ProblemException malformed(String header) {
        String cleaned = header.replaceAll("[^\\x21-\\x7E ]", "?");
        return ProblemException.badRequest("malformed-if-match", "If-Match cannot be read",
                "If-Match must be * or a comma-separated list of quoted entity tags as the ETag header gave them "
                        + "(e.g. If-Match: \"session-7\"); got '" + (cleaned.length() > 100
                        ? cleaned.substring(0, 100) + "…" : cleaned) + "'. Send the ETag of your last read, or "
                        + "leave If-Match out.");
    }

    /** The entity-tag lists of If-Match and If-None-Match: {@code 1#entity-tag}, each {@code [W/]"etagc*"}. */
    static final class EntityTags {
        record Tag(boolean weak, String opaque) {
        }

        private EntityTags() {
        }

        /** The tags, or empty when the value is not a list of entity tags. */
        static Optional<List<Tag>> parse(String value) {
            List<Tag> tags = new ArrayList<>();
            int i = 0;
            int n = value.length();
            while (true) {
                while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t' || value.charAt(i) == ',')) {
                    i++;
                }
                if (i == n) {
                    break;
                }
                boolean weak = value.startsWith("W/", i);
                if (weak) {
                    i += 2;
                }
                if (i == n || value.charAt(i) != '"') {
                    return Optional.empty();
                }
                int end = i + 1;
                while (end < n && etagc(value.charAt(end))) {
                    end++;
                }
                if (end == n || value.charAt(end) != '"') {
                    return Optional.empty();
                }
                tags.add(new Tag(weak, value.substring(i + 1, end)));
                i = end + 1;
                while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                    i++;
                }
                if (i < n && value.charAt(i) != ',') {
                    return Optional.empty();
                }
                if (tags.size() > MAX_TAGS) {
                    return Optional.empty();
                }
            }
            return tags.isEmpty() ? Optional.empty() : Optional.of(tags);
        }

        /** etagc = %x21 / %x23-7E / obs-text (RFC 9110 §8.8.3). */
        private static boolean etagc(char c) {
            return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
        }
    }
}
