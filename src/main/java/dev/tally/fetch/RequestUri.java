package dev.tally.fetch;

import dev.tally.job.FailureReason;
import java.net.URI;
import java.net.URISyntaxException;

/** The form of a target URL that goes on the wire. */
final class RequestUri {

    private RequestUri() {}

    /**
     * Non-ASCII path and query characters percent-encoded as UTF-8, as browsers do. User info is dropped:
     * the HTTP client refuses it in a request, and the fetcher never sent it to the server.
     */
    static URI of(URI target) {
        try {
            URI ascii = new URI(target.toASCIIString());
            if (ascii.getRawUserInfo() == null) {
                return ascii;
            }
            String port = ascii.getPort() == -1 ? "" : ":" + ascii.getPort();
            String query = ascii.getRawQuery() == null ? "" : "?" + ascii.getRawQuery();
            return new URI(ascii.getScheme() + "://" + ascii.getHost() + port + ascii.getRawPath() + query);
        } catch (URISyntaxException e) {
            throw new PermanentFetchException(FailureReason.INVALID_URL, "invalid url " + target, e);
        }
    }
}
