package dev.tally.web;

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
}
