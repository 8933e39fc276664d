package io.m365vault.cli;

import io.m365vault.backup.ProtectedItem;
import io.m365vault.service.ItemState;
import io.m365vault.service.ItemStatus;
import io.m365vault.service.RunInfo;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Runs and per-item outcomes as text tables, each item with its name beside its id. */
final class RunReport {
    private final PrintStream out;
    private final Map<ProtectedItem, String> names;

    /** @param names the inventory's names ({@link io.m365vault.service.Inventory#names}) */
    RunReport(PrintStream out, Map<ProtectedItem, String> names) {
        this.out = out;
        this.names = names;
    }

    void runs(List<RunInfo> runs) {
        out.printf("%-26s %-24s %-8s %-8s %7s %-28s %9s %10s%n", "RUN", "STARTED", "TRIGGER", "STATUS", "PLANNED", "ITEMS BY STATE",
                "SEEN", "READ");
        for (RunInfo r : runs) {
            out.printf("%-26s %-24s %-8s %-8s %7d %-28s %9d %10s%n", r.id(), seconds(r.started()), r.trigger(), r.status(), r.planned(),
                    counts(r.counts()), r.items(), Sizes.bytes(r.bytes()));
        }
    }

    void run(RunInfo r, List<ItemStatus> items) {
        out.println("run      " + r.id());
        out.println("started  " + seconds(r.started()) + " (" + r.trigger() + ")");
        out.println("status   " + r.status() + ": " + r.planned() + " planned, " + counts(r.counts()));
        out.println("seen     " + r.items() + " items, " + Sizes.bytes(r.bytes()) + " read from Graph");
        r.warnings().forEach(w -> out.println("warning  " + w));
        items(items);
    }

    void items(List<ItemStatus> items) {
        out.printf("%-48s %-28s %-8s %-26s %7s %7s %7s %7s %10s %8s%n", "ITEM", "NAME", "STATE", "WORKLOADS", "ITEMS", "ADDED", "CHANGED",
                "REMOVED", "READ", "TIME");
        items.stream().sorted(Comparator.comparing(s -> s.item().toString())).forEach(s -> {
            out.printf("%-48s %-28s %-8s %-26s %7d %7d %7d %7d %10s %8s%n", s.item(), names.getOrDefault(s.item(), "-"), s.state().json(),
                    s.workloads().stream().map(w -> w.id()).sorted().collect(Collectors.joining(",")), s.items(), s.added(),
                    s.changed(), s.removed(), Sizes.bytes(s.bytes()),
                    s.started() == null || s.finished() == null ? "" : Sizes.duration(Duration.between(s.started(), s.finished())));
            s.errors().forEach(e -> out.println("    " + e));
            if (!s.failedItems().isEmpty()) {
                out.println("    failed items (" + s.failedItems().size() + ", retried next run):");
                s.failedItems().forEach(f -> out.println("      " + f));
            }
        });
    }

    static String seconds(java.time.Instant t) {
        return t == null ? "" : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static String counts(Map<ItemState, Long> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + e.getKey().json()).collect(Collectors.joining(", "));
    }
}
