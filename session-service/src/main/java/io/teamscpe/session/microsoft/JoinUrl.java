package io.teamscpe.session.microsoft;

import io.teamscpe.platform.problem.ProblemException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Teams Join URL, parsed: the long {@code /l/meetup-join/<thread>/0?context={"Tid":..,"Oid":..}} form or the short
 * {@code /meet/<digits>?p=<passcode>} form. Anything else is refused with the reason.
 *
 * @param key         what identifies the meeting regardless of tracking parameters (duplicate detection)
 * @param threadId    the meeting chat thread ({@code 19:meeting_...@thread.v2}); null for short links
 * @param tenantId    {@code Tid} from the context, when present
 * @param organizerId {@code Oid} from the context, when present
 */
public record JoinUrl(String url, Kind kind, String key, String threadId, String tenantId, String organizerId) {
    public enum Kind { LONG, SHORT }

    private static final Pattern LONG = Pattern.compile("^/l/meetup-join/([^/]+)/[^/]+/?$");
    private static final Pattern SHORT = Pattern.compile("^/meet/(\\d{6,})/?$");
    private static final Pattern TID = Pattern.compile("\"Tid\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern OID = Pattern.compile("\"Oid\"\\s*:\\s*\"([^\"]+)\"");

    public static JoinUrl parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw refuse("The Teams Join URL is empty.");
        }
        String url = raw.trim();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw refuse("The Join URL is not a valid URL.");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!"https".equalsIgnoreCase(uri.getScheme())
                || !(host.equals("teams.microsoft.com") || host.equals("teams.live.com"))) {
            throw refuse("The Join URL must be an https://teams.microsoft.com link; got host '" + host + "'.");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        Matcher longForm = LONG.matcher(path);
        if (longForm.matches()) {
            String thread = decode(longForm.group(1));
            if (!thread.startsWith("19:")) {
                throw refuse("The Join URL's meeting thread '" + thread + "' is not a Teams meeting thread.");
            }
            String context = uri.getRawQuery() == null ? "" : decode(uri.getRawQuery());
            String base = "https://teams.microsoft.com" + path;
            return new JoinUrl(url, Kind.LONG, base, thread, group(TID, context), group(OID, context));
        }
        Matcher shortForm = SHORT.matcher(path);
        if (shortForm.matches()) {
            return new JoinUrl(url, Kind.SHORT, "https://teams.microsoft.com/meet/" + shortForm.group(1), null, null,
                    null);
        }
        throw refuse("The link is not a Teams meeting Join URL. Copy it from the meeting in Teams or Outlook "
                + "('Copy link' / 'Join the meeting now'): it starts with https://teams.microsoft.com/l/meetup-join/ "
                + "or https://teams.microsoft.com/meet/.");
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static ProblemException refuse(String detail) {
        return ProblemException.badRequest("invalid-join-url", "Not a Teams Join URL", detail);
    }
}
