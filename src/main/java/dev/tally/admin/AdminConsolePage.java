package dev.tally.admin;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The operator console at {@code /admin/}: one static page whose scripts and styles Spring serves from
 * {@code static/admin/}. {@code /admin} redirects there so that the page's relative links resolve under it.
 * Basic auth, the Content-Security-Policy and the cross-site refusal come from dev.tally.security.
 */
@Controller
class AdminConsolePage {

    static final String PATH = "/admin/";

    private static final Resource PAGE = new ClassPathResource("static/admin/index.html");

    @GetMapping(PATH)
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(PAGE);
    }

    @GetMapping("/admin")
    ResponseEntity<Void> toPage() {
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(PATH))
                .build();
    }
}
