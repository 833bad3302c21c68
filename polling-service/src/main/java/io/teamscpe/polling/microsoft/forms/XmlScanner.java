package io.teamscpe.polling.microsoft.forms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal pull scanner for the machine-written XML of sheet and shared-strings parts, several times faster than a
 * general StAX reader because it decodes only the attributes and texts asked for. It understands what Excel and
 * other writers emit (prolog, comments, CDATA, namespace prefixes, the five predefined entities and character
 * references) and refuses any DOCTYPE or other entity: nothing is ever resolved or expanded.
 */
final class XmlScanner extends XmlInput {
    static final int START = 1;
    static final int END = 2;
    static final int EOF = -1;
    private static final int MAX_ATTRS = 16;

    private boolean pendingEnd;
    private final byte[] name = new byte[256];
    private int nameLen;
    private final byte[][] attrNames = new byte[MAX_ATTRS][32];
    private final int[] attrNameLens = new int[MAX_ATTRS];
    private final String[] attrValues = new String[MAX_ATTRS];
    private int attrCount;
    private final ByteArrayOutputStream text = new ByteArrayOutputStream(256);

    XmlScanner(InputStream in, String part) throws IOException {
        super(in, part);
        fill(3);
        if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            pos = 3;
        } else if (limit >= 2 && ((buf[0] & 0xFF) == 0xFE || (buf[0] & 0xFF) == 0xFF)) {
            throw XlsxGuard.corrupt("a UTF-16 encoded part " + part + " (Excel writes UTF-8)");
        }
    }

    /** Moves to the next start or end tag; {@link #EOF} at the end of the part. */
    int next() throws IOException {
        if (pendingEnd) {
            pendingEnd = false;
            return END;
        }
        while (true) {
            if (!fill(1)) {
                return EOF;
            }
            int lt = indexOf((byte) '<');
            if (lt < 0) {
                pos = limit;
                continue;
            }
            pos = lt;
            fill(9);
            byte c = at(1);
            if (c == '?') {
                skipPast("?>");
            } else if (c == '!') {
                skipDeclaration();
            } else if (c == '/') {
                pos += 2;
                readName();
                skipPast(">");
                return END;
            } else {
                pos++;
                readName();
                readAttributes();
                return START;
            }
        }
    }

    /** Whether the current tag's local name (prefix dropped) is {@code local}. */
    boolean is(String local) {
        if (nameLen != local.length()) {
            return false;
        }
        for (int i = 0; i < nameLen; i++) {
            if (name[i] != local.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** An attribute of the current start tag by local name, entities decoded; null when absent. */
    String attr(String local) {
        for (int a = 0; a < attrCount; a++) {
            if (attrNameLens[a] == local.length()) {
                boolean same = true;
                for (int i = 0; i < attrNameLens[a] && same; i++) {
                    same = attrNames[a][i] == local.charAt(i);
                }
                if (same) {
                    return attrValues[a];
                }
            }
        }
        return null;
    }

    /**
     * The text of the current (leaf) element up to its end tag, which is consumed; empty for a self-closing tag.
     * {@code maxChars} bounds what a crafted file can make us buffer.
     */
    String text(int maxChars) throws IOException {
        if (pendingEnd) {
            pendingEnd = false;
            return "";
        }
        text.reset();
        while (true) {
            if (!fill(1)) {
                throw XlsxGuard.corrupt("a truncated part " + part);
            }
            byte b = buf[pos];
            if (b == '<') {
                fill(9);
                if (at(1) == '/') {
                    pos += 2;
                    readName();
                    skipPast(">");
                    return text.toString(StandardCharsets.UTF_8);
                } else if (startsWith("<![CDATA[")) {
                    pos += 9;
                    copyUntil("]]>", text);
                } else if (startsWith("<!--")) {
                    skipPast("-->");
                } else {
                    throw XlsxGuard.corrupt("markup inside a text element of " + part);
                }
            } else if (b == '&') {
                entity(text);
            } else {
                int start = pos;
                int end = pos;
                while (end < limit && buf[end] != '<' && buf[end] != '&') {
                    end++;
                }
                text.write(buf, start, end - start);
                pos = end;
            }
            if (text.size() > 4L * maxChars) {
                throw SheetReader.cellTooLong(maxChars);
            }
        }
    }

    private void readName() throws IOException {
        nameLen = 0;
        while (fill(1)) {
            byte b = buf[pos];
            if (b == ' ' || b == '>' || b == '/' || b == '\t' || b == '\n' || b == '\r') {
                return;
            }
            pos++;
            if (b == ':') {
                nameLen = 0;
            } else if (nameLen < name.length) {
                name[nameLen++] = b;
            }
        }
    }

    private void readAttributes() throws IOException {
        attrCount = 0;
        while (true) {
            if (!fill(2)) {
                throw XlsxGuard.corrupt("a truncated part " + part);
            }
            byte b = buf[pos];
            if (b == '>') {
                pos++;
                return;
            }
            if (b == '/' && buf[pos + 1] == '>') {
                pos += 2;
                pendingEnd = true;
                return;
            }
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
                pos++;
                continue;
            }
            readAttribute();
        }
    }

    private void readAttribute() throws IOException {
        int a = attrCount < MAX_ATTRS ? attrCount++ : MAX_ATTRS - 1;
        int len = 0;
        while (fill(1) && buf[pos] != '=' && buf[pos] != ' ') {
            byte b = buf[pos++];
            if (b == ':') {
                len = 0;
            } else if (len < attrNames[a].length) {
                attrNames[a][len++] = b;
            }
        }
        attrNameLens[a] = len;
        while (fill(1) && buf[pos] != '"' && buf[pos] != '\'') {
            pos++;
        }
        if (!fill(1)) {
            throw XlsxGuard.corrupt("a truncated part " + part);
        }
        byte quote = buf[pos++];
        text.reset();
        while (true) {
            if (!fill(1)) {
                throw XlsxGuard.corrupt("a truncated part " + part);
            }
            byte b = buf[pos];
            if (b == quote) {
                pos++;
                break;
            }
            if (b == '&') {
                entity(text);
            } else {
                text.write(b);
                pos++;
            }
        }
        attrValues[a] = text.toString(StandardCharsets.UTF_8);
    }

    private void entity(ByteArrayOutputStream out) throws IOException {
        fill(12);
        int semi = -1;
        for (int i = pos + 1; i < Math.min(limit, pos + 12); i++) {
            if (buf[i] == ';') {
                semi = i;
                break;
            }
        }
        if (semi < 0) {
            throw XlsxGuard.corrupt("a malformed character reference in " + part);
        }
        String ref = new String(buf, pos + 1, semi - pos - 1, StandardCharsets.US_ASCII);
        pos = semi + 1;
        switch (ref) {
            case "amp":
                out.write('&');
                return;
            case "lt":
                out.write('<');
                return;
            case "gt":
                out.write('>');
                return;
            case "quot":
                out.write('"');
                return;
            case "apos":
                out.write('\'');
                return;
            default:
                break;
        }
        if (!ref.startsWith("#")) {
            WorkbookParts.refuseDtd(javax.xml.stream.XMLStreamConstants.ENTITY_REFERENCE, part);
        }
        try {
            int cp = ref.startsWith("#x") || ref.startsWith("#X") ? Integer.parseInt(ref.substring(2), 16)
                    : Integer.parseInt(ref.substring(1));
            byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            out.write(bytes, 0, bytes.length);
        } catch (IllegalArgumentException e) {
            throw XlsxGuard.corrupt("a malformed character reference in " + part);
        }
    }

    private void skipDeclaration() throws IOException {
        if (startsWith("<!--")) {
            skipPast("-->");
        } else if (startsWith("<![CDATA[")) {
            skipPast("]]>");
        } else {
            // <!DOCTYPE, <!ENTITY ...: never in an OOXML part, and the only door for XXE and entity expansion
            WorkbookParts.refuseDtd(javax.xml.stream.XMLStreamConstants.DTD, part);
        }
    }

}
