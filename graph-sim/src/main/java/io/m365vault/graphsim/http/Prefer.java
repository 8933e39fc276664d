package io.m365vault.graphsim.http;

import java.util.Locale;

/** Preferences of the Prefer header(s) that change what Outlook resources look like. */
public final class Prefer {
    private Prefer() {
    }

    /**
     * {@code Prefer: IdType="ImmutableId"}, alone or among other preferences (the SDK may send two
     * Prefer headers, which arrive comma-joined): Outlook ids then survive moves between folders.
     */
    public static boolean immutableIds(Req req) {
        String prefer = req.header("Prefer");
        if (prefer == null) {
            return false;
        }
        for (String part : prefer.split(",")) {
            String p = part.trim().replace("\"", "").toLowerCase(Locale.ROOT);
            if (p.equals("idtype=immutableid")) {
                return true;
            }
        }
        return false;
    }
}
