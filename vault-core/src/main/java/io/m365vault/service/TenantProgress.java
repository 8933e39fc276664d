package io.m365vault.service;

import java.util.List;
import java.util.Map;

/**
 * How far a restore into the tenant is, over all its workloads: of {@code items} asked for,
 * {@code done} so far, of which {@code restored} and {@code skipped} (already there), the bytes
 * restored, the rate so far ({@code perMinute}, items a minute) and the time left at that rate
 * ({@code etaSeconds}, -1 until there is a rate), and the items that failed with why (the first
 * {@link #LISTED}; {@code failed} counts them all); {@code notes}, what was left out of items that
 * were restored (a list's read-only columns, a page's refused web parts), the first {@link #LISTED}.
 */
public record TenantProgress(long items, long done, long restored, long skipped, long failed, long bytes, long perMinute, long etaSeconds,
                             List<String> failedItems, List<String> notes) {
    /** A job row must stay within a table entity's 64 KiB a property: the list is cut, the count is not. */
    static final int LISTED = 50;

    public TenantProgress {
        failedItems = List.copyOf(failedItems);
        notes = List.copyOf(notes);
    }

    public TenantProgress(long items, long done, long restored, long skipped, long failed, long bytes, long perMinute, long etaSeconds,
                          List<String> failedItems) {
        this(items, done, restored, skipped, failed, bytes, perMinute, etaSeconds, failedItems, List.of());
    }

    TenantProgress withNotes(List<String> notes) {
        return new TenantProgress(items, done, restored, skipped, failed, bytes, perMinute, etaSeconds, failedItems,
                notes.subList(0, Math.min(LISTED, notes.size())));
    }

    /** The progress of {@code done} of {@code items} after {@code seconds}: its rate and the time left at that rate. */
    static TenantProgress at(long items, long done, long restored, long skipped, long failed, long bytes, double seconds,
                             List<String> failedItems) {
        long perMinute = seconds <= 0 ? 0 : Math.round(done * 60 / seconds);
        long eta = done == 0 || seconds <= 0 ? -1 : Math.round((items - done) * seconds / done);
        return new TenantProgress(items, done, restored, skipped, failed, bytes, perMinute, eta, failedItems);
    }

    /** While a job runs, only what its listener knows: how many of how many, the bytes, the rate and the time left. */
    static void running(Map<String, Object> row, long items, long done, long bytes, double seconds) {
        TenantProgress p = at(items, done, 0, 0, 0, bytes, seconds, List.of());
        row.put("items", items);
        row.put("done", done);
        row.put("bytes", bytes);
        row.put("perMinute", p.perMinute());
        row.put("etaSeconds", p.etaSeconds());
    }

    void write(Map<String, Object> row) {
        row.put("items", items);
        row.put("done", done);
        row.put("restored", restored);
        row.put("skipped", skipped);
        row.put("failures", failed);
        row.put("bytes", bytes);
        row.put("perMinute", perMinute);
        row.put("etaSeconds", etaSeconds);
        row.put("failedItems", String.join("\n", failedItems));
        row.put("notes", String.join("\n", notes));
    }

    /** The progress a job row holds, or null for an export's row. */
    static TenantProgress of(Map<String, Object> row) {
        if (row.get("items") == null) {
            return null;
        }
        return new TenantProgress(num(row, "items"), num(row, "done"), num(row, "restored"), num(row, "skipped"), num(row, "failures"),
                num(row, "bytes"), num(row, "perMinute"), row.get("etaSeconds") == null ? -1 : num(row, "etaSeconds"),
                lines(row, "failedItems"), lines(row, "notes"));
    }

    private static List<String> lines(Map<String, Object> row, String key) {
        String s = (String) row.getOrDefault(key, "");
        return s == null || s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }

    private static long num(Map<String, Object> row, String key) {
        Object o = row.get(key);
        return o == null ? 0 : ((Number) o).longValue();
    }
}
