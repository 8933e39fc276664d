package io.m365vault.backup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fault suite's counts per group, as the README carries them. */
final class FaultTable {
    private FaultTable() {
    }

    static String render(List<FaultOutcome> outcomes) {
        Map<String, long[]> rows = new LinkedHashMap<>();
        for (FaultOutcome o : outcomes) {
            long[] r = rows.computeIfAbsent(o.kase().group(), g -> new long[7]);
            r[0]++;
            r[1] += o.fired() ? 1 : 0;
            r[2] += o.first().ok() ? 0 : 1;
            r[3] += o.rerun().ok() ? 1 : 0;
            r[4] += o.lost().isEmpty() ? 0 : 1;
            r[5] += o.duplicated().isEmpty() ? 0 : 1;
            r[6] += o.verifyErrors().isEmpty() ? 0 : 1;
        }
        StringBuilder b = new StringBuilder("| | cases | fault fired | first run not ok | re-run ok | lost anything | duplicated anything | verify --read-data errors |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        long[] total = new long[7];
        rows.forEach((group, r) -> {
            b.append(row(group, r));
            for (int i = 0; i < r.length; i++) {
                total[i] += r[i];
            }
        });
        return b.append(row("total", total)).toString();
    }

    private static String row(String name, long[] r) {
        StringBuilder b = new StringBuilder("| ").append(name);
        for (long v : r) {
            b.append(" | ").append(v);
        }
        return b.append(" |\n").toString();
    }
}
