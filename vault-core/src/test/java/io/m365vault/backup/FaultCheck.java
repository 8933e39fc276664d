package io.m365vault.backup;

import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.Repository;
import io.m365vault.repo.Verifier;
import io.m365vault.repo.VerifyReport;
import io.m365vault.restore.ExportOptions;
import io.m365vault.restore.ExportResult;
import io.m365vault.restore.ItemExporter;
import io.m365vault.testkit.faults.CallKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fault suite's verdict on one repository: verify with read-data, then the mailbox as the
 * backup holds it at {@code t} and as an export writes it, against the tenant as graph-sim has it.
 */
final class FaultCheck {
    private FaultCheck() {
    }

    static FaultOutcome of(FaultCase kase, boolean fired, FaultRun first, Map<CallKind, Integer> firstCalls, FaultRun rerun, Repository repo, GraphSim sim,
                           String user, Instant t, Path exportDir) throws Exception {
        VerifyReport report = new Verifier(repo).verify(true);
        List<String> verifyErrors = new ArrayList<>(report.errors());
        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();

        ExportResult export = new ItemExporter().export(repo, new ProtectedItem("user", user), t, exportDir, ExportOptions.defaults());
        export.failures().forEach(f -> lost.add("export: " + f));
        split("mail export", SimTenant.differences(SimTenant.simMail(sim, user), SimTenant.exportedMail(export)), lost, duplicated);
        split("contacts", SimTenant.differences(SimTenant.simContacts(sim, user), SimTenant.backedUpContacts(repo, user, t)), lost, duplicated);
        split("events", SimTenant.differences(SimTenant.simEvents(sim, user), SimTenant.backedUpEvents(repo, user, t)), lost, duplicated);
        long messageFiles = export.files().stream().filter(f -> f.kind().equals(ItemKind.MESSAGE)).count();
        long messageIds = export.files().stream().filter(f -> f.kind().equals(ItemKind.MESSAGE)).map(f -> f.itemIds().get(0)).distinct().count();
        if (messageFiles != messageIds) {
            duplicated.add("mail export: " + (messageFiles - messageIds) + " messages written twice");
        }
        for (Workload w : Set.of(Workload.MAIL, Workload.CALENDAR, Workload.CONTACTS)) {
            Map<String, Integer> live = new HashMap<>();
            for (CatalogEntry e : repo.catalog().at(new ProtectedItem("user", user).partition(w), t)) {
                live.merge(e.kind() + " " + e.itemId(), 1, Integer::sum);
            }
            live.forEach((id, n) -> {
                if (n > 1) {
                    duplicated.add(w.name().toLowerCase() + ": " + n + " versions valid at once of " + id);
                }
            });
        }
        return new FaultOutcome(kase, fired, first, firstCalls, rerun, lost, duplicated, verifyErrors);
    }

    /** Missing or different entries are lost; unexpected ones (ghosts of removed items) are duplicates. */
    private static void split(String what, List<String> differences, List<String> lost, List<String> duplicated) {
        for (String d : differences) {
            (d.startsWith("unexpected") ? duplicated : lost).add(what + ": " + d);
        }
    }
}
