package io.m365vault.graphsim;

import java.util.ArrayList;
import java.util.List;

/** Path aliases Graph accepts that address the same resource. */
final class Rewrites {
    private Rewrites() {
    }

    /**
     * users/{u}/mailFolders/{a}/childFolders/{b}/... is folder b: folder ids are unique in a
     * mailbox, so the chain reduces to users/{u}/mailFolders/{b}/... (same for contactFolders).
     */
    static List<String> childFolders(List<String> s) {
        List<String> cur = s;
        while (cur.size() >= 6 && cur.get(0).equalsIgnoreCase("users")
                && (cur.get(2).equalsIgnoreCase("mailFolders") || cur.get(2).equalsIgnoreCase("contactFolders"))
                && cur.get(4).equalsIgnoreCase("childFolders")) {
            List<String> next = new ArrayList<>(cur.subList(0, 3));
            next.addAll(cur.subList(5, cur.size()));
            cur = next;
        }
        return cur;
    }
}
