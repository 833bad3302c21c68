package io.teamscpe.architecture.problems;

import java.util.ArrayList;
import java.util.List;

/** Just enough Java lexing to read call arguments: comments blanked, strings and nesting respected. */
final class JavaSource {
    private JavaSource() {
    }

    /** The text with every comment replaced by spaces (line breaks kept, so offsets and line numbers still hold). */
    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfLiteral(text, i);
                out.append(text, i, end);
                i = end;
            } else if (text.startsWith("//", i)) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                for (; i < end; i++) {
                    out.append(text.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The top-level arguments of the call whose '(' is at {@code open}, each trimmed. */
    static List<String> arguments(String text, int open) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(text, i);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == ')' || (c == ',' && depth == 0)) {
                args.add(text.substring(start, i).trim());
                if (c == ')') {
                    return args;
                }
                start = i + 1;
            }
            i++;
        }
        throw new IllegalStateException("unterminated call at offset " + open);
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int endOfLiteral(String text, int start) {
        char quote = text.charAt(start);
        if (quote == '"' && text.startsWith("\"\"\"", start)) {
            int end = text.indexOf("\"\"\"", start + 3);
            return end < 0 ? text.length() : end + 3;
        }
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != quote) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, text.length());
    }
}
