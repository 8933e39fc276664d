package io.m365vault.service;

import io.m365vault.backup.Workload;
import io.m365vault.graph.TenantGraph;
import io.m365vault.repo.Repository;
import io.m365vault.restore.tenant.CalendarRestore;
import io.m365vault.restore.tenant.ContactRestore;
import io.m365vault.restore.tenant.FileRestore;
import io.m365vault.restore.tenant.ListRestore;
import io.m365vault.restore.tenant.MailRestore;
import io.m365vault.restore.tenant.PageRestore;
import io.m365vault.restore.tenant.RestoreLedger;
import io.m365vault.restore.tenant.RestoreRefusedException;
import io.m365vault.restore.tenant.TenantRestoreOptions;
import io.m365vault.restore.tenant.TenantRestorePlan;
import io.m365vault.restore.tenant.TenantRestoreResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a restore job into the tenant, its workloads one after the other (mail, calendar,
 * contacts, files, lists, pages), and keeps its progress on the job's row: every workload's plan is read first, so
 * the row shows the whole size from the start; saved every {@link #EVERY} items while it goes,
 * with the rate and the time left; then done (with the failed items of every workload, if any)
 * or failed with the one line that stopped it. A workload of several asked for that has nothing
 * in the backup at that time is left out; the job fails only when none has anything. A run of
 * the job again (its worker died) skips what the ledger says was written.
 */
final class TenantRestoreJob {
    private static final Logger LOG = LoggerFactory.getLogger(TenantRestoreJob.class);
    static final int EVERY = 25;
    /** The order the workloads are written in: mail first, as the users most need it. */
    private static final List<Workload> ORDER = List.of(Workload.MAIL, Workload.CALENDAR, Workload.CONTACTS, Workload.FILES, Workload.LISTS,
            Workload.PAGES);

    private final Repository repo;
    private final TenantGraph graph;

    TenantRestoreJob(Repository repo, TenantGraph graph) {
        this.repo = repo;
        this.graph = graph;
    }

    /** @param ledger what earlier attempts of the job wrote, skipped here, and where this one records what it writes */
    void run(String id, Map<String, Object> row, RestoreRequest r, RestoreLedger ledger, Runnable save) {
        row.put("state", "running");
        save.run();
        TenantTarget t = r.tenant();
        long started = System.nanoTime();
        try {
            List<TenantRestorePlan> plans = plans(r);
            long items = plans.stream().mapToLong(TenantRestorePlan::items).sum();
            // Every target is checked before anything is written: a job of mail and files whose drive is full writes no mail.
            TenantRestoreOptions checked = new TenantRestoreOptions(t.toItem(), t.folder(), t.skipExisting());
            for (TenantRestorePlan plan : plans) {
                plan.check(id, checked);
            }
            List<TenantRestoreResult> results = new ArrayList<>();
            for (TenantRestorePlan plan : plans) {
                long doneBefore = results.stream().mapToLong(x -> x.restored() + x.skipped() + x.failures().size()).sum();
                long bytesBefore = results.stream().mapToLong(TenantRestoreResult::bytes).sum();
                TenantRestoreOptions options = new TenantRestoreOptions(t.toItem(), t.folder(), t.skipExisting(), (done, of, bytes) -> {
                    if (done % EVERY == 0) {
                        TenantProgress.running(row, items, doneBefore + done, bytesBefore + bytes, seconds(started));
                        save.run();
                    }
                }, ledger);
                results.add(plan.write(id, options));
            }
            List<String> failed = results.stream().flatMap(x -> x.failures().stream()).limit(TenantProgress.LISTED).map(Object::toString).toList();
            long failures = results.stream().mapToLong(x -> x.failures().size()).sum();
            long done = results.stream().mapToLong(x -> x.restored() + x.skipped() + x.failures().size()).sum();
            TenantProgress.at(items, done, results.stream().mapToLong(TenantRestoreResult::restored).sum(),
                    results.stream().mapToLong(TenantRestoreResult::skipped).sum(), failures,
                    results.stream().mapToLong(TenantRestoreResult::bytes).sum(), seconds(started), failed)
                    .withNotes(results.stream().flatMap(x -> x.notes().stream()).toList()).write(row);
            row.put("state", "done");
            if (failures > 0) {
                row.put("error", failures + " of " + items + " items not restored; see failedItems");
            }
        } catch (IOException | RuntimeException e) {
            row.put("state", "failed");
            row.put("error", e instanceof RestoreRefusedException ? e.getMessage() : "restore into the tenant stopped: " + e);
            LOG.warn("restore failed job={} item={} workloads={} target={}: {}", id, r.item(), r.workloads(), t.toItem(), row.get("error"));
        }
    }

    /** The plan of each workload asked for that has something at that time; refused when none has. */
    private List<TenantRestorePlan> plans(RestoreRequest r) {
        List<TenantRestorePlan> plans = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (Workload w : ORDER) {
            if (!r.workloads().contains(w)) {
                continue;
            }
            try {
                plans.add(switch (w) {
                    case MAIL -> new MailRestore(repo, graph).plan(r.item(), r.at(), r.mailPath(), r.search());
                    case CALENDAR -> new CalendarRestore(repo, graph).plan(r.item(), r.at(), r.search());
                    case CONTACTS -> new ContactRestore(repo, graph).plan(r.item(), r.at(), r.search());
                    case FILES -> new FileRestore(repo, graph).plan(r.item(), r.at(), r.filesPath(), r.tenant().versions(), r.search());
                    case LISTS -> new ListRestore(repo, graph).plan(r.item(), r.at());
                    case PAGES -> new PageRestore(repo, graph).plan(r.item(), r.at());
                    default -> throw new IllegalStateException(w + " is not restored into the tenant");
                });
            } catch (RestoreRefusedException nothing) {
                empty.add(nothing.getMessage());
            }
        }
        if (plans.isEmpty()) {
            throw new RestoreRefusedException(String.join("; ", empty));
        }
        return plans;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
