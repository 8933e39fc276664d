package io.m365vault.functions;

import com.microsoft.azure.functions.ExecutionContext;
import io.m365vault.repo.RuntimeReport;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Base of the function classes. The host creates them with their no-argument constructor and
 * they use the process's {@link Services}; a test gives them its own.
 */
abstract class ServiceFunction {
    /** Whether this worker process has logged what its JVM runs with. */
    static final AtomicBoolean REPORTED = new AtomicBoolean();
    private Supplier<Services> services = Services::process;
    private boolean processServices = true;

    /**
     * The services; the first call in a worker process logs the JIT mode, heap and crypto
     * provider to the invocation's log (before opening them, so a worker whose settings are
     * wrong shows it too), and a deployment shows whether its JVM arguments took.
     */
    Services services(ExecutionContext context) {
        if (processServices && REPORTED.compareAndSet(false, true)) {
            context.getLogger().info(RuntimeReport.line());
        }
        return services();
    }

    /** The services, for handlers that have no invocation log (the HTTP APIs): they run no backup. */
    Services services() {
        return services.get();
    }

    /** For tests: the services this instance uses instead of the process's. */
    void use(Services s) {
        this.services = () -> s;
        this.processServices = false;
    }
}
