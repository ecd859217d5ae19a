package dev.tally.fetch;

import dev.tally.job.FailureReason;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Resolves Location headers and keeps every target an absolute http(s) URL. */
final class RedirectTargets {

    private RedirectTargets() {}

    static URI resolve(URI current, String location) {
        if (location == null || location.isBlank()) {
            throw new PermanentFetchException(FailureReason.REDIRECT, "redirect without a target fetching " + current);
        }
        // Browsers tolerate raw spaces in Location headers, and some servers send them.
        String reference = location.strip().replace(" ", "%20");
        URI resolved;
        try {
            // For a query-only reference URI.resolve follows RFC 2396 and drops the last path segment.
            resolved = reference.startsWith("?")
                    ? new URI(
                            current.getScheme() + "://" + current.getRawAuthority() + current.getRawPath() + reference)
                    : current.resolve(new URI(reference));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new PermanentFetchException(
                    FailureReason.REDIRECT, "invalid redirect target " + location + " from " + current, e);
        }
        return requireWebUrl(
                resolved, FailureReason.REDIRECT, "redirect to unsupported target " + location + " from " + current);
    }

    static URI requireWebUrl(URI uri, FailureReason reasonIfNot, String messageIfNot) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new PermanentFetchException(reasonIfNot, messageIfNot);
        }
        return uri;
    }
}
