package io.teamscpe.emulator.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An OData function call in one path segment, such as {@code getByUserIdAndRole(userId='x',role='organizer')}.
 * In a route pattern it is written {@code getByUserIdAndRole(userId,role)}: the parameter names become path
 * variables. Requests may put spaces around the arguments and double a quote inside a value ({@code 'O''Brien'}).
 */
final class FunctionSegment {

    private final String name;
    private final List<String> parameters;

    private FunctionSegment(String name, List<String> parameters) {
        this.name = name;
        this.parameters = parameters;
    }

    static boolean isPattern(String segment) {
        return !segment.startsWith("{") && segment.indexOf('(') > 0 && segment.endsWith(")");
    }

    /** {@code name(a,b)} as written in a route pattern. */
    static FunctionSegment pattern(String segment) {
        int open = segment.indexOf('(');
        String inside = segment.substring(open + 1, segment.length() - 1);
        List<String> names = inside.isBlank() ? List.of()
                : List.of(inside.split(",")).stream().map(String::trim).toList();
        return new FunctionSegment(segment.substring(0, open), names);
    }

    /** The arguments by parameter name, or null when the segment is not a call of this function. */
    Map<String, String> bind(String segment) {
        int open = segment.indexOf('(');
        if (open < 0 || !segment.endsWith(")") || !segment.substring(0, open).trim().equalsIgnoreCase(name)) {
            return null;
        }
        Map<String, String> args = arguments(segment.substring(open + 1, segment.length() - 1));
        if (args == null || args.size() != parameters.size()) {
            return null;
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (String parameter : parameters) {
            String value = args.get(parameter.toLowerCase(Locale.ROOT));
            if (value == null) {
                return null;
            }
            vars.put(parameter, value);
        }
        return vars;
    }

    /** {@code a='x', b=2} → {a: x, b: 2} (names lower-cased); null when malformed. */
    private static Map<String, String> arguments(String text) {
        Map<String, String> args = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                return text.isBlank() ? args : null;
            }
            String argName = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            int start = skipSpaces(text, eq + 1);
            StringBuilder value = new StringBuilder();
            if (start < text.length() && text.charAt(start) == '\'') {
                int j = start + 1;
                while (true) {
                    if (j >= text.length()) {
                        return null;
                    }
                    if (text.charAt(j) == '\'') {
                        if (j + 1 < text.length() && text.charAt(j + 1) == '\'') {
                            value.append('\'');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    value.append(text.charAt(j++));
                }
                i = skipSpaces(text, j + 1);
            } else {
                int comma = text.indexOf(',', start);
                int end = comma < 0 ? text.length() : comma;
                value.append(text.substring(start, end).strip());
                i = end;
            }
            if (i < text.length() && text.charAt(i) != ',') {
                return null;
            }
            args.put(argName, value.toString());
            i++;
        }
        return args;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
