package dev.tally.reload;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.ResourceReload;
import org.apache.camel.support.RouteWatcherReloadStrategy;

/**
 * Camel's own reload of one route file (replace the routes it defines, log the summary, fire the reload
 * events), as the watcher runs it, for {@link RestoringRouteReload} to call. This instance never watches.
 */
class CamelRouteFileLoader extends RouteWatcherReloadStrategy implements ResourceReload {

    CamelRouteFileLoader(CamelContext camel) {
        setCamelContext(camel);
        // replace only the routes of the file loaded
        setRemoveAllRoutes(false);
    }

    @Override
    public void onReload(String name, Resource resource) {
        onRouteReload(List.of(resource), false);
    }
}
