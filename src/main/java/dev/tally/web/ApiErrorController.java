package dev.tally.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside the routes (unknown paths, a request Tomcat could not read) answer in the API's
 * envelope too, instead of Spring's default error format.
 */
@RestController
class ApiErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ApiResponse> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null) {
            status = HttpStatus.NOT_FOUND;
        }
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String message = status.value() == 404
                ? "No such resource: " + (path == null ? request.getRequestURI() : path)
                : status.is5xxServerError() ? "Oh dear! Something unexpected occurred..." : status.getReasonPhrase();
        return ResponseEntity.status(status).body(ApiResponse.failure(message));
    }
}
