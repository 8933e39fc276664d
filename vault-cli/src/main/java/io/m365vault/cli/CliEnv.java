package io.m365vault.cli;

import io.m365vault.config.Setting;
import io.m365vault.service.VaultSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * What a command sees of the world: the environment (settings of DESIGN §6), the working
 * directory (where local.settings.json and relative paths are read) and the two output streams.
 * Tests pass their own, so no test touches the process environment.
 */
record CliEnv(Map<String, String> env, Path workDir, PrintStream out, PrintStream err) {
    static final String LOCAL_SETTINGS = "local.settings.json";

    static CliEnv system() {
        return new CliEnv(System.getenv(), Path.of("").toAbsolutePath(), System.out, System.err);
    }

    /** The environment over local.settings.json, checked; {@code required} must be present. */
    VaultSettings settings(Set<Setting> required) {
        return VaultSettings.from(values(), required);
    }

    /** The environment over local.settings.json, unchecked. */
    Map<String, String> values() {
        return VaultSettings.merged(env, workDir.resolve(LOCAL_SETTINGS));
    }

    /** A path the user typed, relative to the working directory. */
    Path path(Path p) {
        return workDir.resolve(p).normalize();
    }
}
