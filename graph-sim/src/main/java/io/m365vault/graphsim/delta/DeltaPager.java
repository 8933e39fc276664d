package io.m365vault.graphsim.delta;

import io.m365vault.graphsim.model.Tracked;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.function.Predicate;

/**
 * One page of a delta round over items in key order (the cursor is the last key sent). Paging by id cursor (not offset) keeps a
 * round correct while items change under it: a changed item is either sent now or in the next
 * round, possibly twice, which Graph allows too.
 */
public final class DeltaPager {
    public record Page<T>(List<T> items, boolean more, String lastId) {
    }

    private DeltaPager() {
    }

    public static <T extends Tracked> Page<T> page(NavigableMap<String, T> all, DeltaState st, Predicate<T> inScope) {
        NavigableMap<String, T> rest = st.after() == null ? all : all.tailMap(st.after(), false);
        List<T> out = new ArrayList<>();
        String last = st.after();
        for (var e : rest.entrySet()) {
            T item = e.getValue();
            if (st.initial() ? item.deleted() : item.seq() <= st.since()) {
                continue;
            }
            if (!inScope.test(item)) {
                continue;
            }
            if (out.size() == st.pageSize()) {
                return new Page<>(out, true, last);
            }
            out.add(item);
            last = e.getKey();
        }
        return new Page<>(out, false, last);
    }
}
