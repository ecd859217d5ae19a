package dev.tally.web;

import io.netty.channel.Channel;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.impl.TCPServerBase;
import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;

/**
 * Closes only a Vert.x server's listening socket, as Tomcat's graceful shutdown does: a new connection is refused,
 * so a proxy sends that request, a POST included, to the next server, while the connections open stay open. Vert.x
 * 4 has no call for it (its close ends every connection; Vert.x 5's shutdown would do): the socket is the channel
 * its TCPServerBase keeps in a private field. ApiHttpServerStopTest fails if a Vert.x upgrade moves it.
 */
final class ListeningSocket {

    private static final long CLOSE_TIMEOUT_SECONDS = 5;

    private ListeningSocket() {}

    /** True once the socket is closed; false when this Vert.x keeps it elsewhere (the server then closes as a whole). */
    static boolean close(HttpServer server) {
        try {
            Field bound = TCPServerBase.class.getDeclaredField("bindFuture");
            bound.setAccessible(true); // NOPMD AvoidAccessibilityAlteration: Vert.x 4 offers no call for it (see above)
            if (!(bound.get(server) instanceof Future<?> future && future.result() instanceof Channel channel)) {
                return false;
            }
            return channel.close().awaitUninterruptibly(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ReflectiveOperationException | ClassCastException | SecurityException e) {
            return false;
        }
    }
}
