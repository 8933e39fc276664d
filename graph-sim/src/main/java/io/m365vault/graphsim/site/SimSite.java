package io.m365vault.graphsim.site;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.model.SimClock;

import java.util.List;

/** A SharePoint site: the root site, a group's team site, or a communication site. */
public final class SimSite {
    public final String id;
    public final String name;
    public final String displayName;
    public final String webUrl;
    /** The Microsoft 365 group the site belongs to, or null. */
    public final String groupId;
    /** Document libraries: drive ids, the first is the site's default drive. */
    public final List<String> driveIds;
    public final int index;

    SimSite(int index, String id, String name, String displayName, String webUrl, String groupId, List<String> driveIds) {
        this.index = index;
        this.id = id;
        this.name = name;
        this.displayName = displayName;
        this.webUrl = webUrl;
        this.groupId = groupId;
        this.driveIds = driveIds;
    }

    /** The site's path on its SharePoint host: "" for the root site, {@code /sites/{name}} for the others. */
    public String webPath() {
        return java.net.URI.create(webUrl).getPath();
    }

    /**
     * The site as Graph gives it, its {@code webUrl} on {@code sharePointOrigin}: the simulator is its
     * own SharePoint host (it serves SharePoint REST under the site's path), as it is its own download host.
     */
    public ObjectNode json(String sharePointOrigin) {
        ObjectNode j = Json.obj();
        j.put("id", id);
        j.put("name", name);
        j.put("displayName", displayName);
        j.put("webUrl", sharePointOrigin + webPath());
        j.put("description", displayName + " site");
        j.put("createdDateTime", SimClock.iso(SimClock.minutesAgo(700_000L - index * 1_000L)));
        j.put("lastModifiedDateTime", SimClock.iso(SimClock.minutesAgo(1_000L + index)));
        String[] parts = id.split(",");
        ObjectNode ids = j.putObject("siteCollection");
        ids.put("hostname", parts[0]);
        if (index == 0) {
            j.putObject("root");
        }
        return j;
    }
}
