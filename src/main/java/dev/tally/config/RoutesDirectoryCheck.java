package dev.tally.config;

import org.springframework.stereotype.Component;

/**
 * Fails start-up on a TALLY_ROUTES_DIR without route files. Not in {@link DerivedSettings}: an exception thrown
 * there while camel.main.* was read did not stop start-up, and Camel ran with no routes.
 */
@Component
class RoutesDirectoryCheck {

    RoutesDirectoryCheck(DeploymentProperties deployment) {
        RoutesDirectory.of(deployment.routesDir()).requireRouteFiles();
    }
}
