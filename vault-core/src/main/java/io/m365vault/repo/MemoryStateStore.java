package io.m365vault.repo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A state store in memory, for fast tests. */
public final class MemoryStateStore implements StateStore {
    private final Map<String, TreeMap<String, Map<String, Object>>> rows = new HashMap<>();

    @Override
    public synchronized void put(Checkpoint c) {
        rows.computeIfAbsent(c.scope(), k -> new TreeMap<>()).put(c.key(), Map.copyOf(c.values()));
    }

    @Override
    public synchronized void putAll(List<Checkpoint> list) {
        list.forEach(this::put);
    }

    @Override
    public synchronized Optional<Map<String, Object>> get(String scope, String key) {
        return Optional.ofNullable(rows.getOrDefault(scope, new TreeMap<>()).get(key)).map(HashMap::new);
    }

    @Override
    public synchronized List<Map.Entry<String, Map<String, Object>>> list(String scope) {
        List<Map.Entry<String, Map<String, Object>>> out = new ArrayList<>();
        rows.getOrDefault(scope, new TreeMap<>()).forEach((k, v) -> out.add(Map.entry(k, new HashMap<>(v))));
        return out;
    }

    @Override
    public synchronized void delete(String scope, String key) {
        TreeMap<String, Map<String, Object>> s = rows.get(scope);
        if (s != null) {
            s.remove(key);
        }
    }
}
