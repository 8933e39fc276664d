package io.m365vault.graphsim.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Users and groups of the tenant, indexed by id and by user principal name. */
public final class Directory {
    private final SimUser[] users;
    private final List<SimGroup> groups = new ArrayList<>();
    private final Map<String, SimUser> byKey = new HashMap<>();
    private final Map<String, SimGroup> groupsById = new HashMap<>();

    public Directory(long seed, int userCount, int groupCount, String domain) {
        users = new SimUser[userCount];
        for (int i = 0; i < userCount; i++) {
            SimUser u = new SimUser(seed, i, domain);
            users[i] = u;
            byKey.put(u.id, u);
            byKey.put(u.userPrincipalName.toLowerCase(Locale.ROOT), u);
        }
        String[] topics = {"Project", "Sales", "Engineering", "Finance", "Leadership", "Marketing", "Support", "Design"};
        for (int g = 0; g < groupCount; g++) {
            SplittableRandom r = Rng.of(seed, "group:" + g);
            boolean unified = g % 3 != 1;
            boolean team = g % 3 == 0;
            List<Integer> members = new ArrayList<>();
            int n = Math.min(userCount, 3 + r.nextInt(6));
            Set<Integer> picked = new LinkedHashSet<>();
            while (picked.size() < n) {
                picked.add(r.nextInt(userCount));
            }
            members.addAll(picked);
            // Security groups nest the group before them, so transitive membership differs from direct.
            List<Integer> nested = !unified && g > 0 ? List.of(g - 1) : List.of();
            String name = topics[g % topics.length] + " " + (g / topics.length + 1);
            SimGroup group = new SimGroup(g, Ids.uuid(seed, "group-id:" + g).toString(), name, unified, team,
                    List.copyOf(members), nested, domain);
            groups.add(group);
            groupsById.put(group.id, group);
        }
    }

    public int userCount() {
        return users.length;
    }

    public SimUser user(int index) {
        return users[index];
    }

    /** A user by id or user principal name, or null. */
    public SimUser user(String key) {
        return byKey.get(key.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code key} names a user with a mailbox. */
    public boolean hasMailbox(String key) {
        SimUser u = user(key);
        return u != null && u.hasMailbox();
    }

    public List<SimGroup> groups() {
        return groups;
    }

    public SimGroup group(String id) {
        return groupsById.get(id);
    }

    /** Users reachable through nested membership, each once, in a stable order. */
    public List<SimUser> transitiveUsers(SimGroup g) {
        Set<Integer> seenGroups = new LinkedHashSet<>();
        Set<Integer> out = new LinkedHashSet<>();
        collect(g, seenGroups, out);
        List<SimUser> r = new ArrayList<>();
        for (int i : out) {
            r.add(users[i]);
        }
        return r;
    }

    private void collect(SimGroup g, Set<Integer> seenGroups, Set<Integer> out) {
        if (!seenGroups.add(g.index)) {
            return;
        }
        out.addAll(g.memberUsers);
        for (int child : g.memberGroups) {
            collect(groups.get(child), seenGroups, out);
        }
    }
}
