package dev.tally.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;

/**
 * A body-less request with its Content-Type hidden: there is nothing it could type, and Spring still parses the
 * missing body of a {@code multipart/*} one, failing with a 500 when the boundary is missing or empty (ApiFuzzIT).
 */
class UntypedRequest extends HttpServletRequestWrapper {

    private static final String CONTENT_TYPE = "Content-Type";

    UntypedRequest(HttpServletRequest request) {
        super(request);
    }

    @Override
    public String getContentType() {
        return null;
    }

    @Override
    public String getHeader(String name) {
        return CONTENT_TYPE.equalsIgnoreCase(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return CONTENT_TYPE.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                .filter(name -> !CONTENT_TYPE.equalsIgnoreCase(name))
                .toList());
    }
}
