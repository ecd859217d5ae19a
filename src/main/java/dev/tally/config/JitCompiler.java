package dev.tally.config;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Which JIT compiler this JVM stops at. The cluster's and {@code make run}'s JVMs run C1 only
 * ({@code -XX:TieredStopAtLevel=1}), which lacks the JDK's intrinsics for bit scans and ASCII decoding; code with a
 * faster path for C1 keeps the result in a static final, which either compiler folds away.
 */
public final class JitCompiler {

    private JitCompiler() {}

    public static boolean stopsAtC1() {
        try {
            String level = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("TieredStopAtLevel")
                    .getValue();
            return Integer.parseInt(level) < 4;
        } catch (RuntimeException notHotSpot) {
            return false;
        }
    }
}
