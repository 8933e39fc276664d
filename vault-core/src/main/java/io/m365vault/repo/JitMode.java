package io.m365vault.repo;

import java.lang.management.ManagementFactory;

/**
 * Whether this JVM compiles hot code with C2. The Azure Functions Java worker starts the JVM
 * with -XX:TieredStopAtLevel=1 (C1 only), where AES-GCM runs at a fifth of ChaCha20-Poly1305's
 * speed; with C2 AES-GCM is ten times faster than it (DESIGN §5, bench/README.md).
 */
final class JitMode {
    private JitMode() {
    }

    private static final boolean C2 = detect();

    static boolean c2() {
        return C2;
    }

    private static boolean detect() {
        boolean c2 = true;
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-XX:TieredStopAtLevel=")) {
                c2 = arg.endsWith("=4");
            } else if (arg.equals("-Xint")) {
                c2 = false;
            }
        }
        return c2;
    }
}
