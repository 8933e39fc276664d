package io.m365vault.restore.tenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a restore left out of items it did restore, said once each: a column not created, a web
 * part refused, and per reason how many items lost a value to it (a person not in the target
 * site). Told from the threads that write.
 */
final class RestoreNotes {
    private final List<String> lines = new ArrayList<>();
    private final Map<String, Long> counted = new LinkedHashMap<>();

    synchronized void add(String line) {
        lines.add(line);
    }

    /** One more item that {@code reason} applies to. */
    synchronized void count(String reason) {
        counted.merge(reason, 1L, Long::sum);
    }

    synchronized List<String> lines() {
        List<String> out = new ArrayList<>(lines);
        counted.forEach((reason, n) -> out.add(reason + " (" + n + (n == 1 ? " item)" : " items)")));
        return out;
    }
}
