package io.teamscpe.polling.service;

import io.teamscpe.platform.web.FileNames;
import io.teamscpe.polling.parse.PollFileException;

/** A poll file whose name cannot be kept ({@link FileNames}) is refused like a file that cannot be read. */
final class UploadNames {
    private static final String KIND = "poll-file-bad-name";
    private static final String TITLE = "Unusable file name";
    private static final String ADVICE = "Rename the file (for example to the poll's title followed by .xlsx) "
            + "and upload it again.";

    private UploadNames() {
    }

    /** Why {@code name} cannot be kept, or null when it can. */
    static PollFileException problem(String name) {
        return FileNames.flaw(name).map(flaw -> new PollFileException(KIND, TITLE, FileNames.EXPECTED, flaw,
                "The file name holds " + flaw + "; at most " + FileNames.MAX_LENGTH + " characters, none of them a "
                        + "control character, are kept. " + ADVICE)).orElse(null);
    }

    static String printable(String name) {
        return FileNames.printable(name);
    }
}
