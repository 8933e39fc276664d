package io.m365vault.repo;

import java.util.Locale;

/**
 * One line on what this JVM runs the pipeline with: the JIT mode (the Functions worker starts
 * C1 only unless its settings take), the heap, the cores, and which provider seals and hashes.
 * Logged at start so that a deployment shows whether its JVM arguments took.
 */
public final class RuntimeReport {
    private RuntimeReport() {
    }

    public static String line() {
        CryptoProvider crypto = CryptoProvider.inUse();
        String missing = CryptoProvider.nativeMissing();
        return String.format(Locale.ROOT, "JVM %s: %s, heap max %d MiB, %d cores; AES-GCM, HMAC-SHA256 and SHA-256 by %s, sealing with %s%s",
                Runtime.version(), JitMode.c2() ? "C2 (tiered)" : "C1 only", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), crypto.name(),
                RepoKeys.prefersAesGcm(crypto) ? "AES-256-GCM" : "ChaCha20-Poly1305",
                missing == null ? "" : " (" + missing + ")");
    }
}
