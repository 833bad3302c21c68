package io.teamscpe.polling;

import io.teamscpe.polling.parse.ParsedPoll;
import io.teamscpe.polling.parse.PollFileException;
import java.nio.file.Path;

/**
 * The seam to a meeting platform's poll export: reads one uploaded file into a {@link ParsedPoll}. The Microsoft
 * Forms implementation lives in {@code microsoft/forms}; another platform adds its own.
 */
public interface PollExportFormat {
    /** The poll the file holds; an unusable file ends in a {@link PollFileException} saying what to upload instead. */
    ParsedPoll parse(Path file);
}
