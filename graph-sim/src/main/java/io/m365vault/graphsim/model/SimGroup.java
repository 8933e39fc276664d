package io.m365vault.graphsim.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.Json;

import java.util.List;

/** A security or Microsoft 365 group; a team when {@link #team}. Members are users and nested groups. */
public final class SimGroup {
    public final int index;
    public final String id;
    public final String displayName;
    public final String mailNickname;
    public final boolean unified;
    public final boolean team;
    public final List<Integer> memberUsers;
    public final List<Integer> memberGroups;
    private final String domain;

    SimGroup(int index, String id, String displayName, boolean unified, boolean team,
             List<Integer> memberUsers, List<Integer> memberGroups, String domain) {
        this.index = index;
        this.id = id;
        this.displayName = displayName;
        this.mailNickname = displayName.replaceAll("[^A-Za-z0-9]", "") + index;
        this.unified = unified;
        this.team = team;
        this.memberUsers = memberUsers;
        this.memberGroups = memberGroups;
        this.domain = domain;
    }

    public ObjectNode json() {
        ObjectNode g = Json.obj();
        g.put("id", id);
        g.put("displayName", displayName);
        g.put("description", (team ? "Team" : unified ? "Microsoft 365 group" : "Security group") + " " + displayName);
        g.put("createdDateTime", SimClock.iso(SimClock.minutesAgo(500_000L + index * 997L)));
        var types = g.putArray("groupTypes");
        if (unified) {
            types.add("Unified");
        }
        g.put("mail", unified ? mailNickname.toLowerCase() + "@" + domain : null);
        g.put("mailEnabled", unified);
        g.put("mailNickname", mailNickname);
        g.put("securityEnabled", !unified);
        g.put("visibility", unified ? "Private" : null);
        var opts = g.putArray("resourceProvisioningOptions");
        if (team) {
            opts.add("Team");
        }
        return g;
    }
}
