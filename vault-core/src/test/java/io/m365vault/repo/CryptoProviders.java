package io.m365vault.repo;

import java.util.ArrayList;
import java.util.List;

/** The providers crypto tests run under: the JDK's, and the native one where it loads. */
final class CryptoProviders {
    private CryptoProviders() {
    }

    /** Where the native provider's jar has code, it must load: else tests would run the JDK's alone unnoticed. */
    static boolean nativeExpected() {
        String arch = System.getProperty("os.arch");
        return System.getProperty("os.name").equals("Linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    static List<CryptoProvider> all() {
        List<CryptoProvider> all = new ArrayList<>(List.of(CryptoProvider.JDK));
        if (CryptoProvider.nativeProvider() != null) {
            all.add(CryptoProvider.nativeProvider());
        }
        return all;
    }
}
