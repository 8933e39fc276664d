package io.m365vault.service;

import io.m365vault.backup.ProtectedItem;
import java.util.regex.Pattern;

/**
 * Protected items named by callers (HTTP bodies and paths, queue messages, stored restore jobs):
 * the id goes into Graph paths and table keys, so anything that could step out of them is
 * refused here, once, for every way in.
 */
public final class ItemIds {
    /** A GUID, a UPN or a site id (host,guid,guid); never a path separator, escape or control character. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9@._,+'-]{1,256}");
    private static final Pattern KIND = Pattern.compile("user|site|group");

    private ItemIds() {
    }

    /** @throws InvalidRequestException one line naming what is wrong, with the input echoed safely */
    public static ProtectedItem parse(String s) {
        int colon = s == null ? -1 : s.indexOf(':');
        String kind = colon <= 0 ? "" : s.substring(0, colon);
        if (!KIND.matcher(kind).matches() || !ID.matcher(s.substring(colon + 1)).matches() || s.contains("..")) {
            throw new InvalidRequestException("item must be user:<id or UPN>, site:<id> or group:<id> without '/', '\\', '%' or '..', got '"
                    + printable(s) + "'");
        }
        return new ProtectedItem(kind, s.substring(colon + 1));
    }

    /** Echoes caller input without control characters and at bounded length. */
    static String printable(String s) {
        if (s == null) {
            return "";
        }
        String p = s.replaceAll("\\p{Cntrl}", "?");
        return p.length() > 80 ? p.substring(0, 80) + "..." : p;
    }
}
