package io.teamscpe.polling.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.teamscpe.platform.problem.Problem;
import io.teamscpe.polling.parse.PollFileException;

/**
 * One file of a rejected upload, as listed in the 422 problem's {@code files}: its status and, when it was
 * rejected, its problem type, what was expected and found (with row and column for a cell) and what to do.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileReport(String fileName, Status status, String type, String title, String expected, String found,
                         Integer row, String column, String detail) {
    /** What became of the file. */
    public enum Status {
        OK,
        ALREADY_UPLOADED,
        REJECTED
    }

    static FileReport ok(String fileName) {
        return new FileReport(fileName, Status.OK, null, null, null, null, null, null, null);
    }

    static FileReport alreadyUploaded(String fileName) {
        return new FileReport(fileName, Status.ALREADY_UPLOADED, null, null, null, null, null, null, null);
    }

    static FileReport rejected(String fileName, PollFileException e) {
        return new FileReport(fileName, Status.REJECTED, Problem.TYPE_BASE + e.kind(), e.title(), e.expected(),
                e.found(), e.row(), e.row() == null ? null : e.column(), e.getMessage());
    }

    boolean isRejected() {
        return status == Status.REJECTED;
    }
}
