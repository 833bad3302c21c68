package io.teamscpe.attendance.upload;

/**
 * An uploaded attendance list cannot be used. The message says what to fix; {@link #line()} is the 1-based line
 * it is about, or 0 when the problem is the whole file.
 */
public class AttendanceFileException extends RuntimeException {
    private final int line;
    private final String problem;

    public AttendanceFileException(int line, String message) {
        super(line > 0 ? "line " + line + ": " + message : message, null, false, false);
        this.line = line;
        this.problem = message;
    }

    public int line() {
        return line;
    }

    /** The message without its "line N: " prefix. */
    public String problem() {
        return problem;
    }
}
