package dev.tally.fetch;

import java.nio.charset.Charset;
import java.util.Locale;

/** The parts of a Content-Type header the fetcher cares about. */
record ContentType(String mediaType, Charset charset) {

    // The Python service counted words in whatever it received, so a response without a
    // Content-Type is read as plain text rather than refused.
    private static final String WHEN_MISSING = "text/plain";

    static ContentType parse(String header) {
        if (header == null || header.isBlank()) {
            return new ContentType(WHEN_MISSING, null);
        }
        String[] parts = header.split(";");
        String mediaType = normalizeMediaType(parts[0]);
        Charset charset = null;
        for (int i = 1; i < parts.length && charset == null; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("charset")) {
                charset = charsetOrNull(parameter[1]);
            }
        }
        return new ContentType(mediaType.isEmpty() ? WHEN_MISSING : mediaType, charset);
    }

    static String normalizeMediaType(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        String bare = semicolon < 0 ? mediaType : mediaType.substring(0, semicolon);
        return bare.strip().toLowerCase(Locale.ROOT);
    }

    static boolean isHtml(String mediaType) {
        return mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");
    }

    boolean isSupported() {
        return isHtml(mediaType) || mediaType.startsWith("text/");
    }

    private static Charset charsetOrNull(String value) {
        String name = value.strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).strip();
        }
        return supportedCharset(name);
    }

    /** The charset of that name if this JVM has it; null for an unknown or malformed name. */
    static Charset supportedCharset(String name) {
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalArgumentException illegalName) {
            return null;
        }
    }
}
