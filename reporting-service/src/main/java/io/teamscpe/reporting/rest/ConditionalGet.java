package io.teamscpe.reporting.rest;

/**
 * What lets a report be served cheaply besides {@code If-None-Match} (platform {@code ETagged}): whether the client
 * takes gzip ({@code Accept-Encoding}).
 */
final class ConditionalGet {
    private ConditionalGet() {
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
