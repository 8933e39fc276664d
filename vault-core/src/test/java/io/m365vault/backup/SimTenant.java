package io.m365vault.backup;

import io.m365vault.backup.exchange.EventAttachmentShape;
import io.m365vault.graph.GraphReader;
import io.m365vault.graph.TenantGraphReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.graph.GraphClients;
import io.m365vault.graph.GraphSettings;
import io.m365vault.graph.ThrottleConfig;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.Repository;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** A graph-sim tenant and the ways the backup tests look at it and at what the repository holds of it. */
final class SimTenant {
    private SimTenant() {
    }

    /** A new repository on the test's storage account, its key in {@code tmp}. */
    static Repository repo(io.m365vault.testkit.AzuriteExtension.StorageAccount account, java.nio.file.Path tmp, String prefix)
            throws java.io.IOException {
        String name = prefix + System.nanoTime();
        return Repository.init(io.m365vault.repo.StorageAccount.of(account.connectionString()), name,
                io.m365vault.repo.FileKek.create(tmp.resolve(name + ".kek")));
    }

    /** A governed reader of the simulator's Graph, as the backup uses in production. */
    static GraphReader reader(GraphSim sim, int pageSize) {
        return new TenantGraphReader(GraphClients.create(GraphSettings.anonymous(sim.baseUrl()), ThrottleConfig.defaults()), pageSize);
    }

    /** A client of the simulator's Graph as a restore uses it: the real SDK over HTTP, governed. */
    static io.m365vault.graph.TenantGraph graph(GraphSim sim) {
        return GraphClients.create(GraphSettings.anonymous(sim.baseUrl()), ThrottleConfig.defaults());
    }

    /** The ids of the first two ordinary users with a mailbox: a restore's source and target. */
    static java.util.List<String> twoMailUsers(GraphSim sim) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; out.size() < 2; i++) {
            io.m365vault.graphsim.model.SimUser u = sim.tenant().directory().user(i);
            if (u.kind == io.m365vault.graphsim.model.SimUser.Kind.NORMAL && u.hasMailbox()) {
                out.add(u.id);
            }
        }
        return out;
    }

    /** A backup of {@code user}'s {@code workloads} at {@code t}, each of which must finish. */
    static void backup(GraphSim sim, Repository repo, String user, Instant t, Workload... workloads) {
        ItemResult result = new ItemBackup(repo, reader(sim, 50), BackupOptions.DEFAULTS)
                .run("run" + t.toEpochMilli(), t, new ProtectedItem("user", user), java.util.Set.of(workloads));
        for (Workload w : workloads) {
            ItemResult.WorkloadResult r = result.workloads().get(w);
            org.junit.jupiter.api.Assertions.assertEquals(ItemResult.WorkloadResult.Outcome.DONE, r.outcome(), w + ": " + r.reason());
        }
    }

    /** A backup of a site's lists and pages at {@code t}, both of which must finish. */
    static void backup(GraphSim sim, Repository repo, ProtectedItem site, Instant t) {
        ItemResult result = new ItemBackup(repo, reader(sim, 50), BackupOptions.DEFAULTS)
                .run("run" + t.toEpochMilli(), t, site, java.util.Set.of(Workload.LISTS, Workload.PAGES));
        for (Workload w : java.util.List.of(Workload.LISTS, Workload.PAGES)) {
            ItemResult.WorkloadResult r = result.workloads().get(w);
            org.junit.jupiter.api.Assertions.assertEquals(ItemResult.WorkloadResult.Outcome.DONE, r.outcome(), w + ": " + r.reason());
        }
    }

    static String mailUser(GraphSim sim) {
        for (int i = 0; ; i++) {
            SimUser u = sim.tenant().directory().user(i);
            if (u.kind == SimUser.Kind.NORMAL && u.hasMailbox()) {
                return u.id;
            }
        }
    }

    /** The simulator's mailbox outside hidden folders: message id -> "folder path|sha256 of MIME". */
    static Map<String, String> simMail(GraphSim sim, String user) {
        return simMail(sim, user, false);
    }

    static Map<String, String> simMail(GraphSim sim, String user, boolean hidden) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode m : sim.snapshot(user).path("mail")) {
            if (!hidden && m.get("folder").asText().startsWith("Hidden")) {
                continue;
            }
            out.put(m.get("id").asText(), m.get("folder").asText() + "|" + m.get("sha256").asText());
        }
        return out;
    }

    /** The same view of the repository's catalog at {@code t}. */
    static Map<String, String> backedUpMail(Repository repo, String user, Instant t) throws Exception {
        String partition = new ProtectedItem("user", user).partition(Workload.MAIL);
        Map<String, CatalogEntry> folders = new HashMap<>();
        repo.catalog().at(partition, t, ItemKind.MAIL_FOLDER, f -> folders.put(f.itemId(), f));
        Map<String, String> out = new TreeMap<>();
        for (CatalogEntry m : repo.catalog().at(partition, t)) {
            if (m.kind().equals(ItemKind.MESSAGE)) {
                out.put(m.itemId(), path(folders, m.parent()) + "|" + sha256(repo.reader().readAll(m.content())));
            }
        }
        return out;
    }

    /** The simulator's contacts: contact id -> sha256 of the photo (or "none"). */
    static Map<String, String> simContacts(GraphSim sim, String user) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode c : sim.snapshot(user).path("contacts")) {
            out.put(c.get("id").asText(), c.get("photoSha256").isNull() ? "none" : c.get("photoSha256").asText());
        }
        return out;
    }

    static Map<String, String> backedUpContacts(Repository repo, String user, Instant t) {
        String partition = new ProtectedItem("user", user).partition(Workload.CONTACTS);
        Map<String, String> out = new TreeMap<>();
        repo.catalog().at(partition, t, ItemKind.CONTACT, c -> out.put(c.itemId(),
                c.content().size() == 0 ? "none" : sha256(repo.reader().readAll(c.content()))));
        return out;
    }

    /**
     * The simulator's calendars: per single event or series master, "subject|exceptions|attachment
     * hashes"; exceptions are counted under their master.
     */
    static Map<String, String> simEvents(GraphSim sim, String user) {
        Map<String, Integer> exceptions = new HashMap<>();
        Map<String, java.util.List<String>> exceptionFiles = new HashMap<>();
        Map<String, JsonNode> events = new TreeMap<>();
        for (JsonNode e : sim.snapshot(user).path("events")) {
            if (e.get("type").asText().equals("exception")) {
                exceptions.merge(e.get("seriesMasterId").asText(), 1, Integer::sum);
                // An exception's files are its own (Exchange copies the series' into it): "x" marks them.
                e.path("attachments").forEach(a -> exceptionFiles.computeIfAbsent(e.get("seriesMasterId").asText(), k -> new java.util.ArrayList<>())
                        .add("x" + a.get("sha256").asText()));
            } else {
                events.put(e.get("id").asText(), e);
            }
        }
        Map<String, String> out = new TreeMap<>();
        events.forEach((id, e) -> {
            java.util.List<String> atts = new java.util.ArrayList<>();
            e.path("attachments").forEach(a -> atts.add(a.get("sha256").asText()));
            atts.addAll(exceptionFiles.getOrDefault(id, java.util.List.of()));
            java.util.Collections.sort(atts);
            out.put(id, e.get("subject").asText() + "|" + exceptions.getOrDefault(id, 0) + "|" + atts);
        });
        return out;
    }

    static Map<String, String> backedUpEvents(Repository repo, String user, Instant t) throws Exception {
        String partition = new ProtectedItem("user", user).partition(Workload.CALENDAR);
        Map<String, java.util.List<String>> atts = new HashMap<>();
        repo.catalog().at(partition, t, ItemKind.EVENT_ATTACHMENT, a -> atts.computeIfAbsent(a.parent(), k -> new java.util.ArrayList<>())
                .add((Json.read(a.metadata()).has(EventAttachmentShape.EXCEPTION) ? "x" : "") + sha256(repo.reader().readAll(a.content()))));
        Map<String, String> out = new TreeMap<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (CatalogEntry e : repo.catalog().at(partition, t)) {
            if (e.kind().equals(ItemKind.EVENT)) {
                JsonNode j = json.readTree(e.metadata());
                java.util.List<String> a = new java.util.ArrayList<>(atts.getOrDefault(e.itemId(), java.util.List.of()));
                java.util.Collections.sort(a);
                out.put(e.itemId(), j.get("subject").asText() + "|" + j.path("exceptionOccurrences").size() + "|" + a);
            }
        }
        return out;
    }

    private static String path(Map<String, CatalogEntry> folders, String id) throws Exception {
        StringBuilder b = new StringBuilder();
        for (CatalogEntry f = folders.get(id); f != null; f = folders.get(f.parent())) {
            String name = new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.metadata()).get("displayName").asText();
            b.insert(0, b.length() == 0 ? name : name + "/");
        }
        return b.toString();
    }

    /** message id -> "folder path|sha256" from what an export wrote (.eml files under mail/). */
    static Map<String, String> exportedMail(io.m365vault.restore.ExportResult r) {
        Map<String, String> out = new TreeMap<>();
        for (io.m365vault.restore.ExportedFile f : r.files()) {
            if (f.kind().equals(ItemKind.MESSAGE)) {
                String folder = f.path().substring("mail/".length(), f.path().lastIndexOf('/'));
                out.put(f.itemIds().get(0), folder + "|" + f.sha256());
            }
        }
        return out;
    }

    /** Equal maps, or a failure that lists only the differing entries. */
    static void assertSame(Map<String, String> expected, Map<String, String> actual) {
        java.util.List<String> diff = differences(expected, actual);
        if (!diff.isEmpty()) {
            throw new AssertionError(diff.size() + " of " + expected.size() + " differ: " + String.join("\n", diff.subList(0, Math.min(5, diff.size()))));
        }
    }

    /** Each entry missing, different or unexpected in {@code actual}, as a line saying which. */
    static java.util.List<String> differences(Map<String, String> expected, Map<String, String> actual) {
        java.util.List<String> diff = new java.util.ArrayList<>();
        expected.forEach((k, v) -> {
            if (!v.equals(actual.get(k))) {
                diff.add((actual.containsKey(k) ? "different " : "missing ") + k + ": expected " + v + ", got " + actual.get(k));
            }
        });
        actual.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(k -> diff.add("unexpected " + k + " = " + actual.get(k)));
        return diff;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
