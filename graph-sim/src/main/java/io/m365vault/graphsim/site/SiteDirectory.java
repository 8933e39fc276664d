package io.m365vault.graphsim.site;

import io.m365vault.graphsim.SimConfig;
import io.m365vault.graphsim.drive.Drive;
import io.m365vault.graphsim.model.Directory;
import io.m365vault.graphsim.model.Ids;
import io.m365vault.graphsim.model.SimGroup;
import io.m365vault.graphsim.model.SimUser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sites and the specs of every drive of the tenant (users' OneDrives, document libraries),
 * known from the start; the drives' contents are generated on first use.
 */
public final class SiteDirectory {
    private final List<SimSite> sites = new ArrayList<>();
    private final Map<String, SimSite> byId = new LinkedHashMap<>();
    private final Map<String, SimSite> byGroup = new LinkedHashMap<>();
    private final Map<String, Drive.Spec> drives = new LinkedHashMap<>();
    private final Map<String, String> userDrive = new LinkedHashMap<>();
    public final String host;

    public SiteDirectory(SimConfig config, Directory directory) {
        long seed = config.seed;
        String tenantName = config.domain.split("\\.")[0];
        host = tenantName + ".sharepoint.com";
        String myHost = tenantName + "-my.sharepoint.com";
        for (int i = 0; i < directory.userCount(); i++) {
            SimUser u = directory.user(i);
            if (!u.hasOneDrive()) {
                continue;
            }
            String local = u.userPrincipalName.replaceAll("[^A-Za-z0-9]", "_");
            String id = Ids.drive(seed, "drive:user:" + u.id);
            drives.put(id, new Drive.Spec(id, "user", u.id, u.displayName, "OneDrive", "business",
                    "https://" + myHost + "/personal/" + local + "/Documents", null, i == 0));
            userDrive.put(u.id, id);
        }
        addSite(seed, "root", "Communication site", "https://" + host, null, List.of("Documents"));
        for (SimGroup g : directory.groups()) {
            if (g.unified) {
                addSite(seed, g.mailNickname, g.displayName, "https://" + host + "/sites/" + g.mailNickname, g.id, List.of("Documents"));
            }
        }
        for (int c = 0; c < config.communicationSites; c++) {
            String name = "Comms" + (c + 1);
            addSite(seed, name, "Communications " + (c + 1), "https://" + host + "/sites/" + name, null, List.of("Documents", "Archive Library"));
        }
    }

    private void addSite(long seed, String name, String displayName, String webUrl, String groupId, List<String> libraries) {
        int index = sites.size();
        String id = Ids.site(host, seed, "site:" + name);
        List<String> driveIds = new ArrayList<>();
        for (String lib : libraries) {
            String driveId = Ids.drive(seed, "drive:site:" + id + ":" + lib);
            String libUrl = webUrl + "/" + (lib.equals("Documents") ? "Shared Documents" : lib);
            drives.put(driveId, new Drive.Spec(driveId, groupId != null ? "group" : "site", groupId != null ? groupId : id,
                    displayName, lib, "documentLibrary", libUrl, id, false));
            driveIds.add(driveId);
        }
        SimSite s = new SimSite(index, id, name.toLowerCase(Locale.ROOT), displayName, webUrl, groupId, List.copyOf(driveIds));
        sites.add(s);
        byId.put(id.toLowerCase(Locale.ROOT), s);
        if (groupId != null) {
            byGroup.put(groupId, s);
        }
    }

    public List<SimSite> sites() {
        return sites;
    }

    /** A site by id ("host,guid,guid") or "root", or null. */
    public SimSite site(String id) {
        return id.equalsIgnoreCase("root") ? sites.get(0) : byId.get(id.toLowerCase(Locale.ROOT));
    }

    public SimSite groupSite(String groupId) {
        return byGroup.get(groupId);
    }

    public Drive.Spec driveSpec(String driveId) {
        return drives.get(driveId);
    }

    public String userDriveId(String userId) {
        return userDrive.get(userId);
    }

    public List<String> driveIds() {
        return new ArrayList<>(drives.keySet());
    }
}
