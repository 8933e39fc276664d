package io.m365vault.backup;

import java.util.regex.Pattern;

/**
 * What a backup protects: {@code user:<id>} (mailbox and OneDrive), {@code site:<id>} or
 * {@code group:<id>} (a team's or group's files). The catalog partition of one workload of it is
 * {@code <kind>:<id>:<workload>}.
 */
public record ProtectedItem(String kind, String id) {
    private static final Pattern KIND = Pattern.compile("user|site|group");

    public ProtectedItem {
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("a protected item is user:<id>, site:<id> or group:<id>, not " + kind + ":" + id);
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("protected item " + kind + ": has no id");
        }
    }

    public static ProtectedItem parse(String s) {
        int colon = s.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("a protected item is user:<id or UPN>, site:<id> or group:<id>, not '" + s + "'");
        }
        return new ProtectedItem(s.substring(0, colon), s.substring(colon + 1));
    }

    /** The catalog partition of one workload of this item, e.g. {@code user:<id>:mail}. */
    public String partition(Workload workload) {
        return this + ":" + workload.id();
    }

    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
