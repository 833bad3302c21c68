package io.teamscpe.polling;

import java.util.List;
import java.util.UUID;

/** What an upload created, and which of its files were already polls (not stored again). */
public record UploadOutcome(List<CurrentPoll> created, List<AlreadyUploaded> alreadyUploaded) {
    /** A file of the upload that is already a poll (or the same bytes as another file of the upload). */
    public record AlreadyUploaded(String fileName, String sha256, UUID pollId, String detail) {
    }
}
