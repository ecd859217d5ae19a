package dev.tally.fetch;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh local HTTP server per test, closed after it. */
abstract class WithLocalServer {

    protected LocalHttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
