package io.m365vault.service;

import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.repo.Checkpoint;
import io.m365vault.repo.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The protected items a repository holds, from the repository alone: one state row per item
 * (scope {@code inventory}, sealed like every state row, as names are personal data) with its
 * name as Graph last gave it, the workloads backed up, and its first and last backup. Written at
 * the end of each item's run; an item deleted from the tenant keeps the name it had.
 */
public final class Inventory {
    static final String SCOPE = "inventory";
    private final StateStore state;

    /**
     * @param name      display name, or null when Graph never gave one
     * @param principal UPN, group mail or site webUrl, or null
     * @param lastState the last run's outcome for the item ({@link ItemState#json})
     */
    public record Entry(ProtectedItem item, String name, String principal, Set<Workload> workloads, Instant firstBackup,
                        Instant lastBackup, String lastRun, String lastState) {
        /** The name, or the id when no name is known. */
        public String label() {
            return name != null ? name : item.toString();
        }
    }

    public Inventory(StateStore state) {
        this.state = state;
    }

    /**
     * Records a run of {@code item}: its name when {@code who} is known (else the one stored stays),
     * the workloads of this run added to those before.
     */
    public void record(ProtectedItem item, ItemIdentity who, Set<Workload> workloads, Instant at, String runId, ItemState outcome) {
        Optional<Entry> before = get(item);
        EnumSet<Workload> all = EnumSet.noneOf(Workload.class);
        before.ifPresent(b -> all.addAll(b.workloads()));
        all.addAll(workloads);
        Map<String, Object> v = new HashMap<>();
        String name = who != null ? who.name() : before.map(Entry::name).orElse(null);
        String principal = who != null ? who.principal() : before.map(Entry::principal).orElse(null);
        if (name != null) {
            v.put("name", name);
        }
        if (principal != null) {
            v.put("principal", principal);
        }
        v.put("workloads", all.stream().map(Workload::id).toList());
        v.put("first", before.map(b -> b.firstBackup().toString()).orElse(at.toString()));
        v.put("last", at.toString());
        v.put("run", runId);
        v.put("state", outcome.json());
        state.put(new Checkpoint(SCOPE, item.toString(), v));
    }

    public Optional<Entry> get(ProtectedItem item) {
        return state.get(SCOPE, item.toString()).map(v -> entry(item.toString(), v));
    }

    /** Every item, by name (then id). */
    public List<Entry> list() {
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> e : state.list(SCOPE)) {
            out.add(entry(e.getKey(), e.getValue()));
        }
        out.sort(java.util.Comparator.comparing((Entry e) -> e.label().toLowerCase(java.util.Locale.ROOT)).thenComparing(e -> e.item().toString()));
        return out;
    }

    /** Names by item, for reports that show a name beside each id. */
    public Map<ProtectedItem, String> names() {
        Map<ProtectedItem, String> out = new HashMap<>();
        list().forEach(e -> {
            if (e.name() != null) {
                out.put(e.item(), e.name());
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Entry entry(String key, Map<String, Object> v) {
        EnumSet<Workload> workloads = EnumSet.noneOf(Workload.class);
        for (Object w : (List<Object>) v.getOrDefault("workloads", List.of())) {
            workloads.add(Workload.parse(String.valueOf(w)));
        }
        return new Entry(ProtectedItem.parse(key), (String) v.get("name"), (String) v.get("principal"), Set.copyOf(workloads),
                Instant.parse((String) v.get("first")), Instant.parse((String) v.get("last")), (String) v.get("run"), (String) v.get("state"));
    }
}
