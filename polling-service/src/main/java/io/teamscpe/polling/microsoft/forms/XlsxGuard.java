package io.teamscpe.polling.microsoft.forms;

import io.teamscpe.polling.parse.ParseLimits;
import io.teamscpe.polling.parse.PollFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Decides what an uploaded file is before any XML is read, and opens real workbooks through POI's
 * {@link ZipSecureFile} after checking the zip's central directory (entry count, declared sizes and ratios), so a
 * zip bomb is refused before a byte of it is inflated; the inflating stream checks the same limits again.
 */
final class XlsxGuard {
    private static final long GRACE_BYTES = 100 * 1024L;

    private XlsxGuard() {
    }

    /** Throws {@link PollFileException} unless the file looks like an OOXML (zip) package of a sane size. */
    static void classify(Path file, long size, ParseLimits limits) throws IOException {
        if (size == 0) {
            throw new PollFileException("poll-file-empty", "Empty file", FormsProblems.XLSX, "an empty file (0 bytes)",
                    "The file is empty: the download may have failed. " + FormsProblems.EXPORT_ADVICE);
        }
        if (size > limits.maxFileBytes()) {
            throw new PollFileException("poll-file-too-large", "File too large",
                    "at most " + limits.maxFileBytes() / (1024 * 1024) + " MB",
                    String.format(Locale.ROOT, "%.1f MB", size / 1048576d),
                    "A Forms export of one poll is far smaller than this. Export each poll's responses separately. "
                            + FormsProblems.EXPORT_ADVICE);
        }
        byte[] head = new byte[(int) Math.min(4096, size)];
        try (InputStream in = Files.newInputStream(file)) {
            int read = in.readNBytes(head, 0, head.length);
            if (read < head.length) {
                head = java.util.Arrays.copyOf(head, read);
            }
        }
        FileMagic magic = head.length >= 8 ? FileMagic.valueOf(head) : FileMagic.UNKNOWN;
        switch (magic) {
            case OOXML:
                return;
            case OLE2:
                throw ole2(file);
            case PDF:
                throw FormsProblems.notXlsx("poll-file-pdf", "PDF instead of a workbook", "a PDF document");
            case BIFF2:
            case BIFF3:
            case BIFF4:
                throw legacyXls();
            case HTML:
            case XML:
                throw FormsProblems.notXlsx("poll-file-not-xlsx", "Not an Excel workbook",
                        "an HTML/XML document (perhaps a web page or an Excel 2003 XML file saved as .xlsx)");
            default:
                throw text(head);
        }
    }

    private static PollFileException ole2(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (fs.getRoot().hasEntry("EncryptedPackage") || fs.getRoot().hasEntry("EncryptionInfo")) {
                return new PollFileException("poll-file-password-protected", "Workbook is password-protected",
                        "an unprotected .xlsx", "a workbook encrypted with a password",
                        "We cannot open password-protected workbooks. Open it in Excel, remove the password "
                                + "(File > Info > Protect Workbook > Encrypt with Password, clear it), save, and upload "
                                + "again; or upload the original Forms export.");
            }
            if (fs.getRoot().hasEntry("Workbook") || fs.getRoot().hasEntry("Book")) {
                return legacyXls();
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable OLE2 container is still not an .xlsx
        }
        return FormsProblems.notXlsx("poll-file-not-xlsx", "Not an Excel workbook",
                "an old Office document (OLE2), not a workbook");
    }

    private static PollFileException legacyXls() {
        return FormsProblems.notXlsx("poll-file-legacy-xls", "Legacy .xls workbook",
                "a legacy Excel 97-2003 workbook (.xls)");
    }

    private static PollFileException text(byte[] head) {
        boolean utf16 = head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE;
        if (utf16) {
            return FormsProblems.notXlsx("poll-file-csv", "Text file instead of a workbook",
                    "a UTF-16 text file (a Teams attendance list? upload those under attendance)");
        }
        int binary = 0;
        int separators = 0;
        for (byte b : head) {
            if (b == 0 || (b > 0 && b < 9)) {
                binary++;
            } else if (b == ',' || b == ';' || b == '\t') {
                separators++;
            }
        }
        if (binary == 0 && separators > 0) {
            return FormsProblems.notXlsx("poll-file-csv", "CSV instead of a workbook",
                    "a CSV/text file (perhaps renamed to .xlsx)");
        }
        return FormsProblems.notXlsx("poll-file-not-xlsx", "Not an Excel workbook",
                binary == 0 ? "a plain text file" : "an unknown binary file");
    }

    /** Opens the package after checking its central directory; nothing is inflated here. */
    static ZipSecureFile open(Path file, ParseLimits limits) throws IOException {
        ZipSecureFile zip;
        try {
            zip = new ZipSecureFile(file.toFile());
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("malicious")) {
                throw FormsProblems.zipBomb("more zip entries than the limit of " + limits.maxZipEntries());
            }
            throw corrupt("a damaged zip archive");
        }
        try {
            checkDirectory(zip, limits);
            if (zip.getEntry("xl/workbook.xml") == null) {
                throw corrupt(zip.getEntry("word/document.xml") != null ? "a Word document (.docx)"
                        : zip.getEntry("ppt/presentation.xml") != null ? "a PowerPoint presentation (.pptx)"
                        : "a zip archive without a workbook");
            }
            return zip;
        } catch (RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static void checkDirectory(ZipSecureFile zip, ParseLimits limits) {
        int count = 0;
        long total = 0;
        for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements(); ) {
            ZipArchiveEntry entry = entries.nextElement();
            if (++count > limits.maxZipEntries()) {
                throw FormsProblems.zipBomb("more than " + limits.maxZipEntries() + " zip entries");
            }
            long size = entry.getSize();
            long compressed = entry.getCompressedSize();
            if (size > limits.maxEntryBytes()) {
                throw FormsProblems.zipBomb("a part declaring " + size / 1048576 + " MB inflated");
            }
            if (size > GRACE_BYTES && compressed > 0 && (double) compressed / size < limits.minInflateRatio()) {
                throw FormsProblems.zipBomb(String.format(Locale.ROOT,
                        "a part compressed %.0f:1 (%d MB inflated)", (double) size / compressed, size / 1048576));
            }
            total += Math.max(size, 0);
            if (total > 2 * limits.maxEntryBytes()) {
                throw FormsProblems.zipBomb("parts declaring " + total / 1048576 + " MB inflated in total");
            }
        }
    }

    static PollFileException corrupt(String found) {
        return new PollFileException("poll-file-corrupt", "Not a readable workbook", FormsProblems.XLSX, found,
                "The file could not be read as an Excel workbook. " + FormsProblems.EXPORT_ADVICE);
    }
}
