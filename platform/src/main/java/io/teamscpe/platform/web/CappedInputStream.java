package io.teamscpe.platform.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and stops at the first byte over the limit, so an oversized body or file is
 * refused while it streams instead of being held whole. At that byte it runs {@code onExceeded} (which may throw the
 * caller's own refusal) and otherwise throws an IOException; {@link #exceeded()} says afterwards why a read failed.
 */
public final class CappedInputStream extends FilterInputStream {
    private final long max;
    private final Runnable onExceeded;
    private long count;
    private boolean exceeded;

    public CappedInputStream(InputStream in, long max, Runnable onExceeded) {
        super(in);
        this.max = max;
        this.onExceeded = onExceeded;
    }

    /** Whether the stream passed its limit (a failed read was this stream refusing, not the source failing). */
    public boolean exceeded() {
        return exceeded;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        add(skipped);
        return skipped;
    }

    private void add(long n) throws IOException {
        count += n;
        if (count > max) {
            exceeded = true;
            onExceeded.run();
            throw new IOException("more than " + max + " bytes");
        }
    }
}
