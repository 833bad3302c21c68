package io.teamscpe.polling.service;

import io.teamscpe.polling.parse.PollFileException;

/**
 * Uploaded file names are kept in the poll's audit trail, shown in every list and published in events: at most
 * {@value #MAX_LENGTH} characters, and no character that is not text. Refused: control characters (C0 with tab,
 * CR and LF, DEL, C1; PostgreSQL cannot even store NUL), line and paragraph separators, the bidirectional
 * overrides and isolates that make {@code xslx.exe} read as {@code exe.xlsx}, and unpaired surrogates.
 */
final class UploadNames {
    static final int MAX_LENGTH = 500;
    private static final int SHOWN = 100;
    private static final String KIND = "poll-file-bad-name";
    private static final String TITLE = "Unusable file name";
    private static final String EXPECTED = "a file name of at most " + MAX_LENGTH
            + " characters without control characters";
    private static final String ADVICE = "Rename the file (for example to the poll's title followed by .xlsx) "
            + "and upload it again.";

    private UploadNames() {
    }

    /** Why {@code name} cannot be kept, or null when it can. */
    static PollFileException problem(String name) {
        int length = name.codePointCount(0, name.length());
        if (length > MAX_LENGTH) {
            return new PollFileException(KIND, TITLE, EXPECTED, "a name of " + length + " characters",
                    "The file name is " + length + " characters long; at most " + MAX_LENGTH + " are kept. " + ADVICE);
        }
        int position = 0;
        for (int i = 0; i < name.length(); i += Character.charCount(name.codePointAt(i))) {
            position++;
            int c = name.codePointAt(i);
            if (refused(c)) {
                String what = String.format("U+%04X (%s)", c,
                        c <= 0xFFFF && Character.isSurrogate((char) c) ? "half of a character" : Character.getName(c));
                return new PollFileException(KIND, TITLE, EXPECTED, "the character " + what + " at position "
                        + position, "The file name holds " + what + " at position " + position + ", a control "
                        + "character no file name shown to people may hold. " + ADVICE);
            }
        }
        return null;
    }

    /** The name as a report shows it: refused characters as U+FFFD, cut to {@value #SHOWN} characters. */
    static String printable(String name) {
        StringBuilder shown = new StringBuilder();
        int count = 0;
        for (int i = 0; i < name.length() && count < SHOWN; i += Character.charCount(name.codePointAt(i)), count++) {
            int c = name.codePointAt(i);
            shown.appendCodePoint(refused(c) ? 0xFFFD : c);
        }
        int length = name.codePointCount(0, name.length());
        return length > SHOWN ? shown + "… (" + length + " characters)" : shown.toString();
    }

    private static boolean refused(int c) {
        return Character.getType(c) == Character.CONTROL
                || c == '\u2028' || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || (c <= 0xFFFF && Character.isSurrogate((char) c));
    }
}
