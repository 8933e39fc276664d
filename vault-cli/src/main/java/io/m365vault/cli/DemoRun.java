package io.m365vault.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.Workload;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.Verifier;
import io.m365vault.repo.VerifyReport;
import io.m365vault.restore.ExportOptions;
import io.m365vault.restore.ExportResult;
import io.m365vault.restore.MailFormat;
import io.m365vault.restore.ItemExporter;
import io.m365vault.service.BackupPolicy;
import io.m365vault.service.ItemState;
import io.m365vault.service.ItemStatus;
import io.m365vault.service.QueueNames;
import io.m365vault.service.RunInfo;
import io.m365vault.service.ScheduleService;
import io.m365vault.service.VaultServices;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The demo's steps on a started Azurite, graph-sim and repository, and its summary. */
final class DemoRun {
    /** A day of changes: a fifth of the items of every kind added, edited, moved or deleted. */
    static final double CHANGE_FRACTION = 0.2;

    /** One run through the queue: its record, its items, and how long it took. */
    record Done(RunInfo info, List<ItemStatus> items, Duration took) {
        long sum(java.util.function.ToLongFunction<ItemStatus> f) {
            return items.stream().mapToLong(f).sum();
        }

        String line() {
            long failed = sum(s -> s.failedItems().size());
            return String.format(Locale.ROOT, "run %s: %s; %d items seen (%d added, %d changed, %d removed%s), %s of content read, %s",
                    info.id(), states(), sum(ItemStatus::items), sum(ItemStatus::added), sum(ItemStatus::changed),
                    sum(ItemStatus::removed), failed == 0 ? "" : ", " + failed + " failed, retried next run",
                    Sizes.bytes(sum(ItemStatus::bytes)), Sizes.duration(took));
        }

        private String states() {
            return items.stream().collect(Collectors.groupingBy(s -> s.state().json(), java.util.TreeMap::new, Collectors.counting()))
                    .entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))
                    + " of " + items.size() + " protected items";
        }
    }

    private final VaultServices vs;
    private final CliEnv env;
    private final GraphSim sim;
    private final PrintStream err;
    private final int parallel;
    private final ScheduleService schedule;
    private final BackupWorker worker;

    DemoRun(VaultServices vs, CliEnv env, GraphSim sim, int parallel) {
        this.vs = vs;
        this.env = env;
        this.sim = sim;
        this.err = env.err();
        this.parallel = parallel;
        this.schedule = vs.schedule();
        this.worker = new BackupWorker(vs.backupQueue());
    }

    int play(Path dir, MailFormat format, PrintStream out, long t0) throws Exception {
        BackupPolicy policy = vs.settings().policy();
        Done full = run(policy, "demo-full");
        err.println("demo: changing the tenant (" + (int) (CHANGE_FRACTION * 100) + "% of items)");
        JsonNode change = sim.mutate(1, CHANGE_FRACTION);
        Done incremental = run(policy, "demo-incremental");
        ItemStatus chosen = full.items().stream().filter(s -> s.state() == ItemState.DONE)
                .max(Comparator.comparingLong(ItemStatus::items)).orElseThrow(() -> new IllegalStateException(
                        "no protected item was backed up; see `vault runs`"));
        err.println("demo: exporting " + chosen.item());
        ExportResult export;
        try (Progress progress = Progress.of(env, "export", 0)) {
            export = new ItemExporter().export(vs.repo(), chosen.item(), Instant.now(), dir.resolve("export"),
                    ExportOptions.defaults().withWorkloads(ExportOptions.everything(chosen.item())).withMailFormat(format)
                            .withProgress(progress::set));
        }
        ItemStatus site = full.items().stream().filter(st -> st.state() == ItemState.DONE && st.item().kind().equals("site"))
                .max(Comparator.comparingLong(ItemStatus::items)).orElse(null);
        ExportResult siteExport = site == null ? null : new ItemExporter().export(vs.repo(), site.item(), Instant.now(),
                dir.resolve("export-site"), ExportOptions.defaults().withWorkloads(ExportOptions.everything(site.item())));
        err.println("demo: verifying the repository");
        VerifyReport verify = new Verifier(vs.repo()).verify(false);
        io.m365vault.maintain.RepoStats figures = io.m365vault.maintain.RepoStats.of(vs.repo(), Instant.now());
        JsonNode stats = sim.stats();
        List<String> lines = new ArrayList<>();
        lines.add("m365vault demo: " + sim.config().users + " simulated users, policy " + vs.settings().get(io.m365vault.config.Setting.VAULT_POLICY).orElse(""));
        lines.add("  full backup    " + full.line());
        // Which items were skipped, by name, and why (a user without a mailbox or OneDrive, say): nothing left out unsaid.
        full.items().stream().filter(st -> st.state() == io.m365vault.service.ItemState.SKIPPED).forEach(st -> lines.add("  skipped        "
                + RepoCommand.named(vs, st.item()) + ": " + (st.errors().isEmpty() ? "no reason recorded" : String.join("; ", st.errors()))));
        lines.add("  tenant change  " + change.toString());
        lines.add("  incremental    " + incremental.line());
        lines.add("  files          " + files(incremental));
        lines.add("  sites          " + sites(incremental));
        lines.add(String.format(Locale.ROOT, "  repository     %d item versions, %s of content -> %d chunks, %s unique -> %s stored in %d packs (%s)",
                figures.versions(), Sizes.bytes(figures.logicalBytes()), figures.chunks(), Sizes.bytes(figures.uniqueBytes()),
                Sizes.bytes(figures.sealedBytes()), figures.packs(), Sizes.bytes(figures.packBytes())));
        lines.add("  ratios         dedup " + Sizes.ratio(figures.dedup()) + ", compression " + Sizes.ratio(figures.compression())
                + ", together " + Sizes.ratio(figures.dedup() * figures.compression()));
        lines.add("  Graph          " + stats.path("requests").asLong() + " requests, " + Sizes.bytes(stats.path("bytesServed").asLong())
                + " served, " + stats.path("throttled429").asLong() + " throttled (429)");
        lines.add("  by endpoint    " + endpoints(stats.path("perEndpoint")));
        lines.add("  export         " + chosen.item() + ": " + new java.util.TreeMap<>(export.items()) + ", " + export.files().size()
                + " files, " + Sizes.bytes(export.bytes()) + (export.complete() ? "" : ", " + export.failures().size() + " failed"));
        lines.add("  exported to    " + export.directory());
        if (siteExport != null) {
            lines.add("  site export    " + site.item() + ": " + new java.util.TreeMap<>(siteExport.items()) + ", " + siteExport.files().size()
                    + " files (lists/<list>/schema.json, items.json, items.csv, attachments/; pages/<page>/page.json, page.html) in " + siteExport.directory());
        }
        lines.add("  verify         " + (verify.ok() ? "sound" : verify.errors().size() + " problems: " + verify.errors().get(0))
                + " (" + verify.packs() + " packs, " + verify.indexRows() + " index rows)");
        lines.add("  time           " + Sizes.duration(Duration.ofNanos(System.nanoTime() - t0)));
        lines.forEach(out::println);
        return verify.ok() && export.complete() && (siteExport == null || siteExport.complete()) ? 0 : VaultCommand.FAILURE;
    }

    /** Schedules a run as the timer does, then drains the queue as the BackupItem function does. */
    private Done run(BackupPolicy policy, String trigger) throws Exception {
        long t = System.nanoTime();
        ScheduleService.Scheduled s = schedule.schedule(policy, trigger);
        err.println("demo: " + trigger + " run " + s.runId() + ": " + s.enqueued() + " messages on the "
                + QueueNames.BACKUP_ITEMS + " queue");
        try (Progress progress = Progress.of(env, trigger, s.enqueued());
             QueuePump pump = worker.pump(vs.settings().storage(), parallel,
                     r -> progress.add(1, r.status().map(ItemStatus::bytes).orElse(0L)))) {
            pump.drain();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t);
        RunInfo info = vs.runs().run(s.runId()).orElseThrow();
        return new Done(info, vs.runs().items(s.runId()), took);
    }

    /** What the repository holds of the tenant's drives now: OneDrives, libraries, files and their bytes, over every item of the run. */
    private String files(Done run) {
        long[] n = new long[5]; // OneDrives, libraries, sites and groups, files, bytes
        Instant now = Instant.now();
        for (ItemStatus s : run.items()) {
            boolean user = s.item().kind().equals("user");
            long before = n[1];
            vs.repo().catalog().at(s.item().partition(Workload.FILES), now, e -> {
                if (e.kind().equals(ItemKind.DRIVE)) {
                    n[user ? 0 : 1]++;
                } else if (e.kind().equals(ItemKind.FILE)) {
                    n[3]++;
                    n[4] += e.size();
                }
            });
            n[2] += n[1] > before ? 1 : 0;
        }
        return String.format(Locale.ROOT, "%d OneDrives and %d libraries of %d sites: %d files, %s", n[0], n[1], n[2], n[3], Sizes.bytes(n[4]));
    }

    /** What the repository holds of the sites' lists and pages now: lists, items, the files attached to them, pages. */
    private String sites(Done run) {
        long[] n = new long[6]; // sites, lists, list items, attachments, their bytes, pages
        Instant now = Instant.now();
        for (ItemStatus s : run.items()) {
            if (!s.item().kind().equals("site")) {
                continue;
            }
            n[0]++;
            vs.repo().catalog().at(s.item().partition(Workload.LISTS), now, e -> {
                switch (e.kind()) {
                    case ItemKind.LIST -> n[1]++;
                    case ItemKind.LIST_ATTACHMENT -> {
                        n[3]++;
                        n[4] += e.content().size();
                    }
                    default -> n[2]++;
                }
            });
            vs.repo().catalog().at(s.item().partition(Workload.PAGES), now, ItemKind.SITE_PAGE, e -> n[5]++);
        }
        return String.format(Locale.ROOT, "%d sites: %d lists with %d items and %d attachments (%s, through SharePoint REST), %d pages",
                n[0], n[1], n[2], n[3], Sizes.bytes(n[4]), n[5]);
    }

    private static String endpoints(JsonNode perEndpoint) {
        List<Map.Entry<String, Long>> e = new ArrayList<>();
        perEndpoint.fields().forEachRemaining(f -> e.add(Map.entry(f.getKey(), f.getValue().asLong())));
        e.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        return e.stream().limit(8).map(x -> x.getKey() + " " + x.getValue()).collect(Collectors.joining(", "))
                + (e.size() > 8 ? ", ..." : "");
    }
}
