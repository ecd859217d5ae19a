package dev.tally.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Two builds of one benchmark method in one JVM, each loaded by its own class loader and run alternately pass by
 * pass, timed by this thread's CPU time. On a host that steals CPU time, figures of two runs minutes apart differ by
 * more than most changes; passes a few milliseconds apart do not (bench/limits.md, "Session 11").
 *
 * <p>{@code java -XX:TieredStopAtLevel=1 -cp target/test-classes dev.tally.bench.InterleavedBuilds CLASS SETUP|-
 * METHOD CALLS_PER_PASS OLD_CLASSES NEW_CLASSES SHARED_CLASS_PATH}: the old and new build's {@code target/classes},
 * and a class path with the benchmark's class and the dependencies.
 */
public final class InterleavedBuilds {

    private static final int WARM_UP = 5;
    private static final int MEASURED = 40;

    private InterleavedBuilds() {}

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[3]);
        Object[] targets = new Object[2];
        Method[] methods = new Method[2];
        for (int build = 0; build < 2; build++) {
            List<URL> path = new ArrayList<>();
            path.add(Path.of(args[4 + build]).toUri().toURL());
            for (String entry : args[6].split(":")) {
                path.add(Path.of(entry).toUri().toURL());
            }
            ClassLoader loader = new URLClassLoader(path.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Class<?> benchmark = loader.loadClass(args[0]);
            targets[build] = benchmark.getDeclaredConstructor().newInstance();
            if (!"-".equals(args[1])) {
                benchmark.getMethod(args[1]).invoke(targets[build]);
            }
            methods[build] = benchmark.getMethod(args[2]);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<List<Long>> nanos = List.of(new ArrayList<>(), new ArrayList<>());
        int newFaster = 0;
        for (int pass = 0; pass < WARM_UP + MEASURED; pass++) {
            long[] used = new long[2];
            for (int turn = 0; turn < 2; turn++) {
                int build = (pass + turn) % 2; // each build goes first in every other pass
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    methods[build].invoke(targets[build]);
                }
                used[build] = threads.getCurrentThreadCpuTime() - start;
            }
            if (pass >= WARM_UP) {
                nanos.get(0).add(used[0]);
                nanos.get(1).add(used[1]);
                newFaster += used[1] < used[0] ? 1 : 0;
            }
        }
        for (int build = 0; build < 2; build++) {
            List<Long> sorted = nanos.get(build);
            Collections.sort(sorted);
            System.out.printf(
                    "%s: best %.1f, median %.1f us of CPU per call%n",
                    build == 0 ? "old" : "new", sorted.get(0) / 1e3 / calls, sorted.get(MEASURED / 2) / 1e3 / calls);
        }
        System.out.printf("new faster in %d of %d passes%n", newFaster, MEASURED);
    }
}
