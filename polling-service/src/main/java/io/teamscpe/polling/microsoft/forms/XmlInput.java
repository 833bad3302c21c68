package io.teamscpe.polling.microsoft.forms;

import java.io.IOException;
import java.io.InputStream;

/** The byte buffer under {@link XmlScanner}: refills from the (inflating) stream and matches literal markup. */
abstract class XmlInput implements AutoCloseable {
    protected final InputStream in;
    protected final String part;
    protected final byte[] buf = new byte[64 * 1024];
    protected int pos;
    protected int limit;

    XmlInput(InputStream in, String part) {
        this.in = in;
        this.part = part;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    protected void skipPast(String end) throws IOException {
        while (true) {
            if (!fill(end.length())) {
                throw XlsxGuard.corrupt("a truncated part " + part);
            }
            if (startsWith(end)) {
                pos += end.length();
                return;
            }
            pos++;
        }
    }

    protected boolean startsWith(String s) {
        if (limit - pos < s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (buf[pos + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    protected byte at(int offset) {
        return pos + offset < limit ? buf[pos + offset] : 0;
    }

    protected int indexOf(byte b) {
        for (int i = pos; i < limit; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Makes at least {@code n} bytes available if the stream has them; false when none is left. */
    protected boolean fill(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (limit < n) {
            int read = in.read(buf, limit, buf.length - limit);
            if (read < 0) {
                break;
            }
            limit += read;
        }
        return limit > pos;
    }

    protected void copyUntil(String end, java.io.ByteArrayOutputStream out) throws IOException {
        while (true) {
            if (!fill(end.length())) {
                throw XlsxGuard.corrupt("a truncated part " + part);
            }
            if (startsWith(end)) {
                pos += end.length();
                return;
            }
            out.write(buf[pos++]);
        }
    }
}
