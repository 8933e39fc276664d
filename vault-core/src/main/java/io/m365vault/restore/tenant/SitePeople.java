package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.Json;
import io.m365vault.graph.DeltaPager;
import io.m365vault.graph.GraphNotFoundException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Person values of a restored list item: ids into the site's User Information List. In the same
 * site they name the same people; in another, the backed-up id's user name is looked up in that
 * site's people list. Graph cannot add someone to it (SharePoint does on first use), so a person
 * it does not hold has no id there.
 */
final class SitePeople {
    private final Map<String, String> ids;

    private SitePeople(Map<String, String> ids) {
        this.ids = ids;
    }

    static SitePeople same() {
        return new SitePeople(null);
    }

    /**
     * @param site   the target site's path, {@code /sites/{id}}
     * @param backed the backed-up people list: lookup id to user name (lower case)
     */
    static SitePeople of(DeltaPager pager, String site, Map<String, String> backed) throws IOException {
        Map<String, String> byUser = new HashMap<>();
        try {
            for (JsonNode p : pager.all(site.substring(1) + "/lists/" + Json.seg(BackedUpLists.PEOPLE) + "/items?$expand=fields")) {
                JsonNode f = p.path("fields");
                String user = f.path("UserName").asText(f.path("EMail").asText(""));
                if (!user.isEmpty()) {
                    byUser.put(user.toLowerCase(Locale.ROOT), p.path("id").asText());
                }
            }
        } catch (GraphNotFoundException none) {
            // A site without a people list: no person can be named in it.
        }
        Map<String, String> ids = new HashMap<>();
        backed.forEach((id, user) -> {
            String there = byUser.get(user);
            if (there != null) {
                ids.put(id, there);
            }
        });
        return new SitePeople(ids);
    }

    /** The target's id of the backed-up person id, or null when that site does not know the person. */
    String of(String backedUp) {
        return ids == null ? backedUp : ids.get(backedUp);
    }
}
