package io.m365vault.backup;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The workloads a protected item may have, by their names in policies and on the command line. */
public enum Workload {
    MAIL("mail"), CALENDAR("calendar"), CONTACTS("contacts"), FILES("files"), LISTS("lists"), PAGES("pages");

    private final String id;

    Workload(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Workload parse(String s) {
        for (Workload w : values()) {
            if (w.id.equals(s)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + s + "'; one of "
                + Arrays.stream(values()).map(Workload::id).collect(Collectors.joining(", ")));
    }
}
