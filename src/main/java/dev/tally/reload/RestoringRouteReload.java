package dev.tally.reload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.ResourceReload;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's reload of a changed route file, made safe against a broken edit and aware of route configurations.
 * <ul>
 * <li>Camel rejects bad YAML before it touches the running routes, but an edit that parses and then fails to
 * build (an unknown bean, component or exception class, a bad expression) has already removed the file's
 * routes: a worker would stop consuming. So the last version of each file that loaded is kept, and put back
 * when a new one fails; the failure is rethrown for Camel to log, with the file, line and cause, and count.</li>
 * <li>A route takes its route configuration (errors.camel.yaml) when it is built, so an edited configuration
 * alone changes nothing: the other files are loaded again after it, in the versions that run.</li>
 * </ul>
 * The watcher calls this from one thread, one file at a time.
 */
final class RestoringRouteReload implements ResourceReload {

    private static final Logger LOG = LoggerFactory.getLogger(RestoringRouteReload.class);

    private record Loaded(String location, String text) {}

    private final CamelContext camel;
    private final ResourceReload camelReload;
    private final Map<Path, Loaded> running = new LinkedHashMap<>();

    RestoringRouteReload(CamelContext camel, ResourceReload camelReload) {
        this.camel = camel;
        this.camelReload = camelReload;
    }

    /** Remembers a file as it is now: the version Camel loaded at start-up. */
    synchronized void remember(Path file) throws IOException {
        Path path = file.toAbsolutePath().normalize();
        running.put(path, new Loaded("file:" + path, Files.readString(path)));
    }

    @Override
    public synchronized void onReload(String name, Resource resource) throws Exception {
        Path file = Path.of(resource.getURI()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            camelReload.onReload(name, resource);
            return;
        }
        // load exactly the text read here, so what is remembered is what runs
        Loaded edited = new Loaded(resource.getLocation(), read(resource));
        if (edited.text().isBlank()) {
            // an editor truncating before it writes; an empty file never removed routes anyway
            LOG.info("{} is empty: its routes run unchanged", file.getFileName());
            return;
        }
        Loaded previous = running.get(file);
        Set<String> startedBefore = startedRoutes();
        boolean configurationChanged = false;
        try {
            List<RouteConfigurationDefinition> configurationsBefore = routeConfigurations();
            load(file, edited);
            if (!sameInstances(configurationsBefore, routeConfigurations())) {
                configurationChanged = true;
                reloadOthers(file);
            }
            running.put(file, edited);
        } catch (Exception e) {
            throw putBack(file, previous, startedBefore, configurationChanged, e);
        }
    }

    private Exception putBack(
            Path file, Loaded previous, Set<String> startedBefore, boolean configurationChanged, Exception failure) {
        if (previous == null) {
            return new RouteFileRejectedException("not loaded (there is no earlier version to keep)", failure);
        }
        Set<String> stopped = new TreeSet<>(startedBefore);
        stopped.removeAll(startedRoutes());
        if (stopped.isEmpty() && !configurationChanged) {
            return new RouteFileRejectedException("not applied, its routes run unchanged", failure);
        }
        try {
            load(file, previous);
            if (configurationChanged) {
                reloadOthers(file);
            }
        } catch (Exception restoreFailure) {
            LOG.error(
                    "{} was not applied, and its previous version could not be loaded again: routes {} are stopped",
                    file,
                    stopped,
                    restoreFailure);
            return failure;
        }
        return new RouteFileRejectedException(
                "not applied, its previous version was loaded again and runs as before", failure);
    }

    private void load(Path file, Loaded version) throws Exception {
        camelReload.onReload(file.toString(), ResourceHelper.fromString(version.location(), version.text()));
    }

    private void reloadOthers(Path configurationFile) throws Exception {
        Map<Path, Loaded> others = new LinkedHashMap<>(running);
        others.remove(configurationFile);
        LOG.info(
                "{} holds route configurations: loading {} again so their routes use it",
                configurationFile.getFileName(),
                others.keySet().stream()
                        .map(Path::getFileName)
                        .map(Path::toString)
                        .collect(Collectors.joining(", ")));
        for (Map.Entry<Path, Loaded> other : others.entrySet()) {
            load(other.getKey(), other.getValue());
        }
    }

    private List<RouteConfigurationDefinition> routeConfigurations() {
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        return List.copyOf(model.getRouteConfigurationDefinitions());
    }

    /** Loading a file that holds route configurations replaces their definitions with new objects. */
    private static boolean sameInstances(
            List<RouteConfigurationDefinition> before, List<RouteConfigurationDefinition> after) {
        if (before.size() != after.size()) {
            return false;
        }
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i) != after.get(i)) {
                return false;
            }
        }
        return true;
    }

    private Set<String> startedRoutes() {
        return camel.getRoutes().stream()
                .map(Route::getRouteId)
                .filter(id -> {
                    ServiceStatus status = camel.getRouteController().getRouteStatus(id);
                    return status != null && status.isStarted();
                })
                .collect(Collectors.toSet());
    }

    private static String read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
