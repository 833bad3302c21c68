package io.teamscpe.platform.security;

/** C0 control characters (NUL and the like, tab/CR/LF aside) and DEL: never part of a name, id or reason. */
public final class ControlCharacters {
    private ControlCharacters() {
    }

    public static boolean anyIn(CharSequence text) {
        return firstIn(text) >= 0;
    }

    /** The index of the first control character in {@code text}, or -1 (also for null). */
    public static int firstIn(CharSequence text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return i;
            }
        }
        return -1;
    }
}
