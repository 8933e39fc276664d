package io.m365vault.functions;

import java.util.function.Supplier;

/**
 * A value made on first use and kept once made. Unlike a class initialiser, a making that throws
 * is not kept: the next call tries again, so one transient failure does not poison the process.
 */
final class OpenOnce<T> {
    private final Supplier<T> open;
    private volatile T value;

    OpenOnce(Supplier<T> open) {
        this.open = open;
    }

    T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                if (value == null) {
                    value = open.get();
                }
                v = value;
            }
        }
        return v;
    }
}
