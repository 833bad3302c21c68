package io.teamscpe.platform.audit;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes audit material as a zip, streaming, and records every entry's size and SHA-256 so the bundle can end with
 * a manifest an auditor checks the files against. Each service that owns audit material writes its part with it;
 * reporting nests the parts into the session's bundle.
 */
public final class AuditZip implements Closeable {
    /** One file of the archive and its fingerprint. */
    public record Entry(String path, long size, String sha256) {
    }

    private final ZipOutputStream zip;
    private final List<Entry> entries = new ArrayList<>();

    public AuditZip(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    }

    public void add(String path, byte[] content) throws IOException {
        add(path, new ByteArrayInputStream(content));
    }

    public void add(String path, String content) throws IOException {
        add(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Copies {@code content} into a new entry, hashing it on the way. */
    public void add(String path, InputStream content) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        MessageDigest sha = sha256();
        CountingOutput counted = new CountingOutput(zip);
        try (DigestOutputStream out = new DigestOutputStream(counted, sha) {
            @Override
            public void close() {
                // the zip stays open for the next entry
            }
        }) {
            content.transferTo(out);
        }
        zip.closeEntry();
        entries.add(new Entry(path, counted.count, HexFormat.of().formatHex(sha.digest())));
    }

    /** Copies every entry of another audit zip (a service's part) under {@code prefix}. */
    public void addAll(String prefix, InputStream part) throws IOException {
        try (ZipInputStream in = new ZipInputStream(part, StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory()) {
                    add(prefix + e.getName(), in);
                }
            }
        }
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class CountingOutput extends OutputStream {
        private final OutputStream out;
        long count;

        CountingOutput(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() {
            // the zip stays open for the next entry
        }
    }
}
