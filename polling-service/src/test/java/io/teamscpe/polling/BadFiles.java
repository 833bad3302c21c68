package io.teamscpe.polling;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** The files admins upload by mistake, and the ones attackers craft. */
public final class BadFiles {
    private BadFiles() {
    }

    public static byte[] csv() {
        return "ID,Start time,Completion time,Email,Name,Question\n1,10/5/26 16:10,10/5/26 16:11,a@b.c,A,Yes\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] legacyXls() {
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("ID");
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A valid export encrypted with a password, the way Excel's "Encrypt with Password" stores it. */
    public static byte[] passwordProtected(byte[] xlsx) {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("secret");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(xlsx);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real export whose sheet part is replaced by {@code sheetXml}. */
    public static byte[] withSheet(byte[] xlsx, byte[] sheetXml) {
        return rewrite(xlsx, "xl/worksheets/sheet1.xml", out -> out.write(sheetXml));
    }

    /** A real export whose sheet declares an external entity (XXE) and uses it in a cell. */
    public static byte[] xxe(byte[] xlsx) {
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "
                + "\"file:///etc/passwd\">]>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
                + "main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>"
                + "</sheetData></worksheet>";
        return withSheet(xlsx, sheet.getBytes(StandardCharsets.UTF_8));
    }

    /** A real export whose sheet inflates to {@code megabytes} MB of blanks: a zip bomb. */
    public static byte[] zipBomb(byte[] xlsx, int megabytes) {
        return rewrite(xlsx, "xl/worksheets/sheet1.xml", out -> {
            byte[] blanks = new byte[1 << 20];
            java.util.Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < megabytes; i++) {
                out.write(blanks);
            }
        });
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static byte[] rewrite(byte[] xlsx, String part, Writer content) {
        try {
            java.nio.file.Path tmp = java.nio.file.Files.createTempFile("export", ".xlsx");
            try {
                java.nio.file.Files.write(tmp, xlsx);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(tmp.toFile());
                     ZipOutputStream out = new ZipOutputStream(bytes)) {
                    out.setLevel(9);
                    for (ZipEntry e : java.util.Collections.list(in.entries())) {
                        out.putNextEntry(new ZipEntry(e.getName()));
                        if (e.getName().equals(part)) {
                            content.write(out);
                        } else {
                            in.getInputStream(e).transferTo(out);
                        }
                        out.closeEntry();
                    }
                }
                return bytes.toByteArray();
            } finally {
                java.nio.file.Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
