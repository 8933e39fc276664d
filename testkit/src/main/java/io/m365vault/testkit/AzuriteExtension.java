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
 *
 * <p>The connection string names the strict layer ({@link StrictAzurite}), which refuses what
 * Azure Storage refuses and Azurite would take. {@code M365VAULT_STRICT=off} (or
 * {@code -Dm365vault.strict=off}) hands out Azurite's own ports instead, for debugging.
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
        return new StorageAccount(running(context).connectionString());
    }

    /** Whether the strict layer is on: unless switched off by property or environment. */
    static boolean strictOn() {
        String v = System.getProperty("m365vault.strict", System.getenv("M365VAULT_STRICT"));
        return v == null || !(v.equalsIgnoreCase("off") || v.equalsIgnoreCase("false") || v.equals("0"));
    }

    private static Running running(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class);
    }

    /** Closed by JUnit when the root context closes, i.e. at the end of the run. */
    private record Running(AzuriteProcess plain, StrictAzurite strict) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        static Running start() {
            return strictOn() ? new Running(null, StrictAzurite.start()) : new Running(AzuriteProcess.start(), null);
        }

        String connectionString() {
            return strict != null ? strict.connectionString() : plain.connectionString();
        }

        @Override
        public void close() {
            if (strict != null) {
                strict.close();
            } else {
                plain.close();
            }
        }
    }
}
