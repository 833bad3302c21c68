package io.teamscpe.polling.microsoft.forms;

import io.teamscpe.platform.security.ControlCharacters;
import io.teamscpe.polling.parse.ParseLimits;
import io.teamscpe.polling.parse.ParsedPoll;
import io.teamscpe.polling.parse.ParsedResponse;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accumulates responses. Identical answer cells share one answer list and options are canonical instances, so a
 * 100,000-row file costs little more than its respondents' names. Text times are resolved at the end, once the
 * file tells whether its dates are day-first.
 */
final class PollBuilder {
    private static final int ANSWER_CACHE = 10_000;

    private final ParseLimits limits;
    private final List<ParsedResponse> responses = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private final Map<String, List<String>> answerCache = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<Pending> pending = new ArrayList<>();
    private String question;
    private boolean multiSelect;
    private boolean optionsCapped;
    private Boolean dayFirst;

    private record Pending(ParsedResponse response, boolean start, String text, int row, String header) {
    }

    PollBuilder(ParseLimits limits) {
        this.limits = limits;
    }

    void question(String question, List<String> columnWarnings) {
        this.question = question;
        warnings.addAll(columnWarnings);
    }

    int size() {
        return responses.size();
    }

    ParsedResponse add(int row, String id, String email, String name, String answerCell) {
        check(id, 100, row, "ID");
        check(email, 320, row, "Email");
        check(name, 300, row, "Name");
        check(answerCell, 4000, row, "the question's answer");
        String e = email == null ? "" : email.trim();
        String n = name == null ? "" : name.trim();
        if ("anonymous".equals(e.toLowerCase(Locale.ROOT))) {
            e = "";
        }
        boolean anonymous = n.isEmpty() && e.isEmpty();
        ParsedResponse r = new ParsedResponse(row, id(id), e.isEmpty() ? null : e,
                n.isEmpty() ? null : n, anonymous, answers(answerCell));
        responses.add(r);
        return r;
    }

    /** Cells are stored as they are: within their columns' lengths, without control characters (tab, CR, LF aside). */
    private static void check(String cell, int maxLength, int row, String column) {
        if (cell == null) {
            return;
        }
        if (cell.length() > maxLength) {
            throw FormsProblems.badCell(cell.length() + " characters (at most " + maxLength + ")", row, column);
        }
        int at = ControlCharacters.firstIn(cell);
        if (at >= 0) {
            throw FormsProblems.badCell(String.format("the control character U+%04X", (int) cell.charAt(at)), row,
                    column);
        }
    }

    /** Forms numbers its responses; a numeric cell may read {@code 12.0}. */
    private static String id(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        String t = id.trim();
        return t.endsWith(".0") && t.length() > 2 && Character.isDigit(t.charAt(0)) ? t.substring(0, t.length() - 2) : t;
    }

    private List<String> answers(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        List<String> cached = answerCache.get(cell);
        if (cached != null) {
            return cached;
        }
        List<String> answers;
        if (cell.indexOf(';') >= 0) {
            multiSelect = true;
            List<String> parts = new ArrayList<>();
            for (String part : cell.split(";")) {
                if (!part.isBlank()) {
                    parts.add(option(part.trim()));
                }
            }
            answers = List.copyOf(parts);
        } else {
            answers = List.of(option(cell.trim()));
        }
        if (answerCache.size() < ANSWER_CACHE) {
            answerCache.put(cell, answers);
        }
        return answers;
    }

    private String option(String text) {
        String canonical = options.get(text);
        if (canonical != null) {
            return canonical;
        }
        if (options.size() >= limits.maxOptions()) {
            optionsCapped = true;
            return text;
        }
        options.put(text, text);
        return text;
    }

    void pendingTime(ParsedResponse response, boolean start, String text, int row, String header) {
        if (dayFirst == null) {
            dayFirst = FormsTimes.dayFirstHint(text);
        }
        pending.add(new Pending(response, start, text, row, header));
    }

    ParsedPoll build() {
        boolean df = Boolean.TRUE.equals(dayFirst);
        for (Pending p : pending) {
            long seconds;
            try {
                seconds = FormsTimes.parse(p.text(), df);
            } catch (DateTimeException e) {
                throw FormsProblems.badTime(e instanceof FormsTimes.OutOfRange, p.text(), p.row(), p.header());
            }
            if (p.start()) {
                p.response().startedAt(seconds);
            } else {
                p.response().completedAt(seconds);
            }
        }
        if (optionsCapped) {
            warnings.add("More than " + limits.maxOptions() + " different answers: only the first "
                    + limits.maxOptions() + " are listed as options (is this a free-text question?).");
        }
        if (responses.isEmpty()) {
            warnings.add("The file has no responses.");
        }
        return new ParsedPoll(question, List.copyOf(options.keySet()), multiSelect, responses, warnings);
    }
}
