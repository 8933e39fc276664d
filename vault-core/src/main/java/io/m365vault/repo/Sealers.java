package io.m365vault.repo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The derived keys ({@link RepoKeys#sealerFor}) of one table, made once per context: a key per
 * catalog partition, state scope or index slice, so that no key seals more than that part's rows
 * with random nonces, however large the repository grows.
 */
final class Sealers {
    private final RepoKeys keys;
    private final String table;
    private final Map<String, Sealer> made = new ConcurrentHashMap<>();

    Sealers(RepoKeys keys, String table) {
        this.keys = keys;
        this.table = table;
    }

    Sealer of(String context) {
        return made.computeIfAbsent(context, c -> keys.sealerFor(table + "\n" + c));
    }
}
