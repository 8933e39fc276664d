package io.m365vault.functions;

import java.util.function.Supplier;

/**
 * Base of the function classes. The host creates them with their no-argument constructor and
 * they use the process's {@link Services}; a test gives them its own.
 */
abstract class ServiceFunction {
    private Supplier<Services> services = Services::process;

    Services services() {
        return services.get();
    }

    /** For tests: the services this instance uses instead of the process's. */
    void use(Services s) {
        this.services = () -> s;
    }
}
