package io.teamscpe.attendance.upload;

/** An uploaded attendance file, kept verbatim with the snapshot it produced. */
public record UploadedFile(String fileName, String sha256, byte[] content, String uploadedBy) {
}
