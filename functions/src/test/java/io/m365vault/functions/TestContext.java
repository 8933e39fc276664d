package io.m365vault.functions;

import com.microsoft.azure.functions.ExecutionContext;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The ExecutionContext the host would pass: a logger whose lines the test can read. */
final class TestContext implements ExecutionContext {
    final List<String> lines = new CopyOnWriteArrayList<>();
    private final String function;
    private final Logger logger;

    TestContext(String function) {
        this.function = function;
        this.logger = Logger.getLogger("test." + function + "." + UUID.randomUUID());
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(r.getLevel() + " " + r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    @Override
    public Logger getLogger() {
        return logger;
    }

    @Override
    public String getInvocationId() {
        return UUID.randomUUID().toString();
    }

    @Override
    public String getFunctionName() {
        return function;
    }
}
