package io.m365vault.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.m365vault.backup.Workload;
import io.m365vault.repo.Repository;
import io.m365vault.service.ApiJson;
import io.m365vault.service.Inventory;
import io.m365vault.service.VaultServices;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `vault items`: what a repository protects, with names, from the repository alone. */
@Command(name = "items", mixinStandardHelpOptions = true,
        description = {"List the protected items the repository holds: name, UPN or address, workloads, last backup",
                "and its outcome, and the items and bytes held now. From the repository alone: a user deleted from",
                "the tenant is still listed by name."})
final class ItemsCommand extends RepoCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--json", description = "one JSON array instead of the table")
    boolean json;

    @Override
    public Integer call() {
        CliEnv env = env();
        try (VaultServices vs = open()) {
            List<Inventory.Entry> items = new Inventory(vs.repo().state()).list();
            Instant now = Instant.now();
            List<Held> held = items.stream().map(e -> Held.of(vs.repo(), e, now)).toList();
            if (json) {
                printJson(env.out(), held);
            } else {
                printTable(env.out(), held);
            }
            return 0;
        }
    }

    /** An item of the inventory with what the catalog holds of it now. */
    private record Held(Inventory.Entry entry, long items, long bytes) {
        static Held of(Repository repo, Inventory.Entry e, Instant now) {
            long[] n = new long[2];
            for (Workload w : e.workloads()) {
                repo.catalog().at(e.item().partition(w), now, row -> {
                    n[0]++;
                    n[1] += row.content().size();
                });
            }
            return new Held(e, n[0], n[1]);
        }
    }

    private static void printTable(PrintStream out, List<Held> held) {
        if (held.isEmpty()) {
            out.println("no protected items yet: `vault backup` records each item it backs up");
            return;
        }
        out.printf(Locale.ROOT, "%-32s %-40s %-28s %-20s %-9s %8s %10s  %s%n", "NAME", "UPN / ADDRESS", "WORKLOADS", "LAST BACKUP", "OUTCOME",
                "ITEMS", "SIZE", "ITEM");
        for (Held h : held) {
            Inventory.Entry e = h.entry();
            out.printf(Locale.ROOT, "%-32s %-40s %-28s %-20s %-9s %8d %10s  %s%n", e.label(), e.principal() == null ? "-" : e.principal(),
                    workloads(e), RunReport.seconds(e.lastBackup()), e.lastState(), h.items(), Sizes.bytes(h.bytes()), e.item());
        }
        out.println(held.size() + " protected items");
    }

    /** The entries of GET /api/items, with what each holds now. */
    private static void printJson(PrintStream out, List<Held> held) {
        ArrayNode a = JSON.createArrayNode();
        for (Held h : held) {
            a.add(ApiJson.inventory(h.entry()).put("items", h.items()).put("bytes", h.bytes()));
        }
        out.println(a.toPrettyString());
    }

    private static String workloads(Inventory.Entry e) {
        return e.workloads().stream().sorted().map(Workload::id).collect(Collectors.joining(","));
    }
}
