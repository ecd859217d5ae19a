package dev.tally.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.springframework.stereotype.Component;

/**
 * With live reload on (TALLY_ROUTES_DIR, see dev.tally.config.RoutesDirectory) Camel has added its route file
 * watcher, configured by camel.main.routes-reload-*, and loaded the routes from those files. Before the
 * context starts the watcher, this hands it {@link RestoringRouteReload} as what to do with a changed file
 * (the watcher keeps its own only when none is set).
 */
@Component
class RouteReloadConfiguration implements CamelContextConfiguration {

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        RouteWatcherReloadStrategy watcher = camel.hasService(RouteWatcherReloadStrategy.class);
        if (watcher == null) {
            return;
        }
        if (watcher.isRemoveAllRoutes()) {
            throw new IllegalStateException("camel.main.routes-reload-remove-all-routes must be false:"
                    + " with true every edit stops all routes, and a broken one leaves none running");
        }
        RestoringRouteReload restoring = new RestoringRouteReload(camel, new CamelRouteFileLoader(camel));
        Path folder = Path.of(watcher.getFolder());
        String pattern = watcher.getPattern() == null ? "*.yaml,*.xml" : watcher.getPattern();
        for (String glob : pattern.split(",")) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, glob.trim())) {
                for (Path file : files) {
                    restoring.remember(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the route files in " + folder, e);
            }
        }
        watcher.setResourceReload(restoring);
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        // the watcher starts with the context and reloads through what was set above
    }
}
