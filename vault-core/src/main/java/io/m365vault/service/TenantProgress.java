package io.m365vault.service;

import java.util.List;
import java.util.Map;

/**
 * How far a restore into the tenant is: of {@code items} asked for, {@code done} so far, of which
 * {@code restored} and {@code skipped} (already there), the bytes restored, and the items that
 * failed with why (the first {@link #LISTED}; {@code failed} counts them all).
 */
public record TenantProgress(long items, long done, long restored, long skipped, long failed, long bytes, List<String> failedItems) {
    /** A job row must stay within a table entity's 64 KiB a property: the list is cut, the count is not. */
    static final int LISTED = 50;

    public TenantProgress {
        failedItems = List.copyOf(failedItems);
    }

    void write(Map<String, Object> row) {
        row.put("items", items);
        row.put("done", done);
        row.put("restored", restored);
        row.put("skipped", skipped);
        row.put("failures", failed);
        row.put("bytes", bytes);
        row.put("failedItems", String.join("\n", failedItems));
    }

    /** The progress a job row holds, or null for an export's row. */
    static TenantProgress of(Map<String, Object> row) {
        if (row.get("items") == null) {
            return null;
        }
        String failed = (String) row.getOrDefault("failedItems", "");
        return new TenantProgress(num(row, "items"), num(row, "done"), num(row, "restored"), num(row, "skipped"), num(row, "failures"),
                num(row, "bytes"), failed.isEmpty() ? List.of() : List.of(failed.split("\n")));
    }

    private static long num(Map<String, Object> row, String key) {
        Object o = row.get(key);
        return o == null ? 0 : ((Number) o).longValue();
    }
}
