package io.teamscpe.attendance.microsoft.teamsfile;

import io.teamscpe.attendance.upload.AttendanceFileException;
import io.teamscpe.attendance.upload.UploadLimits;
import io.teamscpe.platform.web.CappedInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The upload as lines of text: encoding from the BOM (Teams writes UTF-16LE with one; Excel re-saves as UTF-8 or the
 * Windows code page), CRLF, LF or CR endings, and the size and row limits enforced while reading.
 */
final class FileText {
    static final int MAX_LINE_CHARS = 32_768;
    private static final int SNIFF_BYTES = 8192;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final Reader reader;
    private final String encoding;
    private final int maxRows;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private boolean pendingLf;
    private int lineNumber;

    private FileText(Reader reader, String encoding, int maxRows) {
        this.reader = reader;
        this.encoding = encoding;
        this.maxRows = maxRows;
    }

    static FileText open(InputStream in, UploadLimits limits) {
        try {
            BufferedInputStream bytes = new BufferedInputStream(capped(in, limits.maxBytes()), SNIFF_BYTES);
            bytes.mark(SNIFF_BYTES);
            byte[] head = bytes.readNBytes(SNIFF_BYTES);
            bytes.reset();
            if (head.length == 0) {
                throw new AttendanceFileException(0, "the file is empty");
            }
            Charset charset = charsetOf(head);
            bytes.skipNBytes(bomLength(head));
            // Undecodable bytes become U+FFFD, caught per line: a reported error would lose the line it is on.
            Reader reader = new InputStreamReader(bytes, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
            return new FileText(reader, charset.name(), limits.maxRows());
        } catch (IOException e) {
            throw unreadable(0, e);
        }
    }

    /** The next line without its ending, or null at the end of the file. */
    String next() {
        try {
            StringBuilder line = new StringBuilder();
            while (true) {
                if (position == limit) {
                    limit = reader.read(buffer);
                    position = 0;
                    if (limit < 0) {
                        limit = 0;
                        return line.length() > 0 ? counted(line) : null;
                    }
                }
                char c = buffer[position++];
                if (pendingLf) {
                    pendingLf = false;
                    if (c == '\n') {
                        continue;
                    }
                }
                if (c == '\n' || c == '\r') {
                    pendingLf = c == '\r';
                    return counted(line);
                }
                if (c < ' ' && c != '\t' || c == '\u007F') {
                    throw new AttendanceFileException(lineNumber + 1, String.format("the line holds the control "
                            + "character U+%04X at position %d, which no attendance list has; upload the file Teams "
                            + "downloaded unchanged", (int) c, line.length() + 1));
                }
                if (c == '\uFFFD') {
                    throw new AttendanceFileException(lineNumber + 1, "the text is not valid " + encoding
                            + "; upload the file Teams downloaded unchanged, or save it from Excel as 'Unicode Text' "
                            + "or 'CSV UTF-8'");
                }
                if (line.length() == MAX_LINE_CHARS) {
                    throw new AttendanceFileException(lineNumber + 1, "the line is longer than " + MAX_LINE_CHARS
                            + " characters; this is not a Teams attendance list");
                }
                line.append(c);
            }
        } catch (IOException e) {
            throw unreadable(lineNumber + 1, e);
        }
    }

    /** 1-based number of the line last returned. */
    int lineNumber() {
        return lineNumber;
    }

    private String counted(StringBuilder line) {
        if (++lineNumber > maxRows) {
            throw new AttendanceFileException(0, "the file has more than " + String.format("%,d", maxRows)
                    + " rows, far more than a meeting's attendance list: is this the right file?");
        }
        return line.toString();
    }

    private static Charset charsetOf(byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        } else if (startsWith(b, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        } else if (startsWith(b, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        } else if (startsWith(b, 'P', 'K', 3, 4) || startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new AttendanceFileException(0, "this is an Excel workbook, not the attendance list Teams "
                    + "downloads; upload the .csv file from Teams unchanged, or save the workbook from Excel as "
                    + "'Unicode Text' or 'CSV UTF-8'");
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                if (i % 2 == 0) {
                    evenZeros++;
                } else {
                    oddZeros++;
                }
            }
        }
        // UTF-16 without a BOM: ASCII text leaves every other byte zero.
        if (oddZeros > b.length / 4 && evenZeros == 0) {
            return StandardCharsets.UTF_16LE;
        } else if (evenZeros > b.length / 4 && oddZeros == 0) {
            return StandardCharsets.UTF_16BE;
        }
        // Excel's "CSV (Comma delimited)" writes the Windows code page, which is rarely valid UTF-8 once accented.
        return isUtf8(b) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    private static boolean isUtf8(byte[] b) {
        int end = b.length;
        for (int back = 1; back <= 3 && end - back >= 0; back++) {
            if ((b[end - back] & 0xC0) == 0xC0) {
                end -= back; // the sniffed bytes may cut a character in two
                break;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int bomLength(byte[] b) {
        return startsWith(b, 0xEF, 0xBB, 0xBF) ? 3 : startsWith(b, 0xFF, 0xFE) || startsWith(b, 0xFE, 0xFF) ? 2 : 0;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static AttendanceFileException unreadable(int line, IOException e) {
        return new AttendanceFileException(line, "the file could not be read (" + e.getMessage() + ")");
    }

    /** Refuses the upload as soon as it passes the size limit, so an oversized file is never held in memory. */
    private static InputStream capped(InputStream in, long max) {
        return new CappedInputStream(in, max, () -> {
            throw new AttendanceFileException(0, "the file is larger than " + megabytes(max)
                    + ", far larger than a meeting's attendance list: is this the right file?");
        });
    }

    private static String megabytes(long bytes) {
        return bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? (bytes >> 20) + " MB" : bytes + " bytes";
    }
}
