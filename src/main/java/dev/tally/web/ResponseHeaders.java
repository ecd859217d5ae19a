package dev.tally.web;

import java.io.InputStream;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Before an answer is written, drops every header a route or the request left on the message but the status and
 * Location. removeHeaders with an exclude pattern did the same, but compiled that pattern as a regular expression
 * for every header of every answer (bench/limits.md).
 */
@Component("responseHeaders")
public class ResponseHeaders {

    static final String LOCATION = "Location";

    public void keepStatusAndLocation(Message message) {
        Object status = message.getHeader(Exchange.HTTP_RESPONSE_CODE);
        Object location = message.getHeader(LOCATION);
        message.getHeaders().clear();
        if (status != null) {
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        }
        if (location != null) {
            message.setHeader(LOCATION, location);
        }
    }

    /**
     * Chunked only when the body is a stream: Camel's default chunks every answer, and Tomcat then writes the end
     * chunk in a second write after the answer's. Bytes go out with their Content-Length in one.
     */
    public void chunkOnlyStreams(Message message) {
        message.setHeader(Exchange.HTTP_CHUNKED, message.getBody() instanceof InputStream);
    }
}
