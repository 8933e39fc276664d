package io.m365vault.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Azurite per test JVM, shared by every class that uses the extension and stopped when the
 * run ends. With AZURITE_CONNECTION_STRING set, that account is used instead and nothing starts.
 * Tests take the connection string as a {@link StorageAccount} parameter; each test makes its own
 * container and table names so they do not see each other's data.
 */
public final class AzuriteExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(AzuriteExtension.class);

    /** The storage account a test runs against. */
    public record StorageAccount(String connectionString) { }

    @Override
    public void beforeAll(ExtensionContext context) {
        account(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == StorageAccount.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return account(context);
    }

    private static StorageAccount account(ExtensionContext context) {
        String external = System.getenv("AZURITE_CONNECTION_STRING");
        if (external != null && !external.isBlank()) {
            return new StorageAccount(external);
        }
        Running running = context.getRoot().getStore(NS)
                .getOrComputeIfAbsent(Running.class, k -> new Running(AzuriteProcess.start()), Running.class);
        return new StorageAccount(running.azurite.connectionString());
    }

    /** Closed by JUnit when the root context closes, i.e. at the end of the run. */
    private record Running(AzuriteProcess azurite) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            azurite.close();
        }
    }
}
