package io.teamscpe.reporting.rest;

import jakarta.ws.rs.core.EntityTag;

/**
 * The two request headers that let a report be served cheaply: {@code If-None-Match} (RFC 9110 §13.1.2, weak
 * comparison) for a client that already holds this version, and {@code Accept-Encoding} for one that takes gzip.
 */
final class ConditionalGet {
    private ConditionalGet() {
    }

    /** Whether {@code ifNoneMatch} names {@code tag} (weakly) or is {@code *}. */
    static boolean matches(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String t = candidate.trim();
            if (t.equals("*")) {
                return true;
            }
            t = t.startsWith("W/") ? t.substring(2) : t;
            if (t.equals("\"" + tag.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code acceptEncoding} accepts gzip (listed, or {@code *}, with a quality above zero). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            String name = parts[0].trim();
            if (!name.equalsIgnoreCase("gzip") && !name.equals("*")) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim().replace(" ", "");
                if (p.startsWith("q=")) {
                    refused = !quality(p.substring(2));
                }
            }
            return !refused;
        }
        return false;
    }

    private static boolean quality(String q) {
        try {
            return Double.parseDouble(q) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
