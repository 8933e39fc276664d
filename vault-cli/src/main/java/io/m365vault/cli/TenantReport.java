package io.m365vault.cli;

import io.m365vault.service.RestoreJob;
import io.m365vault.service.TenantProgress;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What `vault restore` prints of a finished restore into the tenant, and its exit status: 0 only when every item was restored. */
final class TenantReport {
    /** The time in a default `Restored <time>` folder's name. */
    static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH.mm.ss 'UTC'").withZone(ZoneOffset.UTC);

    private TenantReport() {
    }

    static int print(PrintStream out, RestoreJob job) {
        TenantProgress p = job.tenant();
        if (!"done".equals(job.state()) || p == null) {
            throw new IllegalStateException("restore job " + job.id() + " " + job.state() + ": " + job.error());
        }
        String workloads = String.join(",", job.request().workloads().stream().map(io.m365vault.backup.Workload::id).sorted().toList());
        out.println("restore job " + job.id() + " done: " + p.restored() + " of " + p.items() + " items (" + workloads + ") restored into "
                + job.request().tenant().toItem() + ", " + p.skipped() + " skipped as already there, " + p.failed() + " failed, "
                + Sizes.bytes(p.bytes()) + ", " + p.perMinute() + " a minute");
        p.failedItems().forEach(f -> out.println("  not restored: " + f));
        p.notes().forEach(n -> out.println("  note: " + n));
        if (p.failed() > 0) {
            throw new IllegalStateException("restore job " + job.id() + ": " + job.error());
        }
        return 0;
    }
}
