package io.teamscpe.emulator.state;

/**
 * A {@link ScenarioEdits} edit that was not made: {@code status} is the HTTP status the control API answers
 * (400 invalid, 404 unknown, 409 already exists) and {@code error} its JSON error code.
 */
public final class EditRefused extends RuntimeException {

    private final int status;
    private final String error;

    private EditRefused(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    static EditRefused invalid(String message) {
        return new EditRefused(400, "invalid_request", message);
    }

    static EditRefused notFound(String message) {
        return new EditRefused(404, "not_found", message);
    }

    static EditRefused conflict(String message) {
        return new EditRefused(409, "conflict", message);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
