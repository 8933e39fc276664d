package io.m365vault.testkit.strict;

import io.m365vault.testkit.StrictAzurite;

/** One strict Azurite for this module's tests, started on first use and stopped with the JVM. */
final class StrictFixture {
    private static StrictAzurite azurite;

    private StrictFixture() {
    }

    static synchronized StrictAzurite azurite() {
        if (azurite == null) {
            azurite = StrictAzurite.start();
            Runtime.getRuntime().addShutdownHook(new Thread(azurite::close));
        }
        return azurite;
    }

    static String connectionString() {
        return azurite().connectionString();
    }
}
