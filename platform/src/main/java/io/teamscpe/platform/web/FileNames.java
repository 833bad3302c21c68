package io.teamscpe.platform.web;

import java.util.Optional;

/**
 * Uploaded file names are kept in audit trails, shown in lists and published in events: at most
 * {@value #MAX_LENGTH} characters, and no character that is not text. Refused: control characters (C0 with tab,
 * CR and LF, DEL, C1; PostgreSQL cannot even store NUL), line and paragraph separators, the bidirectional
 * overrides and isolates that make {@code xslx.exe} read as {@code exe.xlsx}, and unpaired surrogates.
 */
public final class FileNames {
    public static final int MAX_LENGTH = 500;
    /** What a usable name is, for problem details. */
    public static final String EXPECTED = "a file name of at most " + MAX_LENGTH
            + " characters without control characters";
    private static final int SHOWN = 100;

    private FileNames() {
    }

    /** What is wrong with {@code name} (e.g. "the character U+0000 (NULL) at position 3"), or empty. */
    public static Optional<String> flaw(String name) {
        int length = name.codePointCount(0, name.length());
        if (length > MAX_LENGTH) {
            return Optional.of("a name of " + length + " characters");
        }
        int position = 0;
        for (int i = 0; i < name.length(); i += Character.charCount(name.codePointAt(i))) {
            position++;
            int c = name.codePointAt(i);
            if (refused(c)) {
                return Optional.of("the character " + describe(c) + " at position " + position);
            }
        }
        return Optional.empty();
    }

    /** The name as a report shows it: refused characters as U+FFFD, cut to {@value #SHOWN} characters. */
    public static String printable(String name) {
        StringBuilder shown = new StringBuilder();
        int count = 0;
        for (int i = 0; i < name.length() && count < SHOWN; i += Character.charCount(name.codePointAt(i)), count++) {
            int c = name.codePointAt(i);
            shown.appendCodePoint(refused(c) ? 0xFFFD : c);
        }
        int length = name.codePointCount(0, name.length());
        return length > SHOWN ? shown + "… (" + length + " characters)" : shown.toString();
    }

    private static String describe(int c) {
        return String.format("U+%04X (%s)", c,
                c <= 0xFFFF && Character.isSurrogate((char) c) ? "half of a character" : Character.getName(c));
    }

    private static boolean refused(int c) {
        return Character.getType(c) == Character.CONTROL
                || c == '\u2028' || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || (c <= 0xFFFF && Character.isSurrogate((char) c));
    }
}
