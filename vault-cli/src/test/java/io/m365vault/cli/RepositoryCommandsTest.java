package io.m365vault.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.testkit.AzuriteExtension;
import io.m365vault.testkit.Misconfigured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * init, backup, runs, ls, export and verify against real Azurite and graph-sim: each command's
 * happy path, a bad usage (exit 2) and a failure (exit 1, one line on stderr).
 */
@ExtendWith(AzuriteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepositoryCommandsTest {
    private static final Pattern RUN_ID = Pattern.compile("run (\\d{8}T\\d{9}Z-[0-9a-f]{6})");

    private Path tmp;
    private GraphSim sim;
    private Cli cli;
    private SimUser alice;
    private SimUser bob;
    private String runId;

    @BeforeAll
    void backUpTwoMailboxes(AzuriteExtension.StorageAccount account, @TempDir Path dir) throws Exception {
        tmp = dir;
        sim = GraphSim.builder().seed(3).users(7).build().start();
        alice = sim.tenant().directory().user(0);
        bob = sim.tenant().directory().user(6);
        cli = new Cli(Map.of("VAULT_STORAGE", account.connectionString(), "VAULT_KEK", "file:" + tmp.resolve("kek"),
                "GRAPH_BASE_URL", sim.baseUrl(),
                "VAULT_POLICY", "{\"mail\":{\"mode\":\"selected\",\"users\":[\"" + alice.userPrincipalName + "\"]}}"), tmp);
        Cli.Result init = run("init");
        assertEquals(0, init.code(), init.toString());
        assertTrue(init.out().contains("made key file " + tmp.resolve("kek")), init.out());
        Cli.Result backup = run("backup", "user:" + alice.id, "user:" + bob.userPrincipalName, "--workloads", "mail,contacts",
                "--parallel", "2");
        assertEquals(0, backup.code(), backup.toString());
        Matcher m = RUN_ID.matcher(backup.out());
        assertTrue(m.find(), backup.out());
        runId = m.group(1);
        assertTrue(backup.out().contains("user:" + bob.id), "the UPN is backed up under the user's id: " + backup.out());
        assertTrue(backup.err().contains("backup: 2/2 items"), "progress on stderr: " + backup.err());
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    private Cli.Result run(String... args) {
        String[] withRepo = new String[args.length + 2];
        System.arraycopy(args, 0, withRepo, 0, args.length);
        withRepo[args.length] = "--repo";
        withRepo[args.length + 1] = "clitest";
        return cli.run(withRepo);
    }

    private static void assertFailure(Cli.Result r, String expected) {
        assertEquals(1, r.code(), r.toString());
        String line = r.errorLine();
        assertTrue(line.startsWith("vault: ") && line.contains(expected), line);
    }

    private static void assertUsage(Cli.Result r, String expected) {
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void initRefusesAnExistingRepositoryAndMissingSettings() {
        assertFailure(run("init"), "already exists");
        assertFailure(cli.with("VAULT_STORAGE", null).run("init", "--repo", "other"), "VAULT_STORAGE is not set");
        assertUsage(run("init", "--bogus"), "Unknown option: '--bogus'");
    }

    @Test
    void backupOfThePolicyItemsAndItsErrors() {
        Cli.Result policy = run("backup", "--workloads", "mail");
        assertEquals(0, policy.code(), policy.toString());
        assertTrue(policy.out().contains("user:" + alice.id) && !policy.out().contains("user:" + bob.id), policy.out());
        assertUsage(run("backup", "alice"), "a protected item is user:");
        assertUsage(run("backup", "user:x", "--workloads", "mail,bogus"), "unknown workload 'bogus'");
        assertUsage(run("backup", "user:x", "--parallel", "0"), "--parallel must be 1 to 256");
        assertFailure(run("backup", "user:nobody@example.org"), "the tenant has no user nobody@example.org");
        assertFailure(run("backup", "site:abc"), "the tenant has no site abc");
        assertFailure(run("backup", "group:00000000-0000-4000-8000-000000000000"), "the tenant has no group 00000000-0000-4000-8000-000000000000");
    }

    @Test
    void runsListsRunsAndOneRunsItems() {
        Cli.Result list = run("runs");
        assertEquals(0, list.code(), list.toString());
        assertTrue(list.out().contains(runId), list.out());
        Cli.Result one = run("runs", runId);
        assertEquals(0, one.code(), one.toString());
        assertTrue(one.out().contains("status   done") && one.out().contains("user:" + alice.id), one.out());
        assertUsage(run("runs", "yesterday"), "is not a run id");
        assertFailure(run("runs", "20260101T000000000Z-abcdef"), "no run 20260101T000000000Z-abcdef in repository clitest");
    }

    @Test
    void itemsListsWhatTheRepositoryProtectsByNameAndRunsShowTheNames() throws Exception {
        Cli.Result items = run("items");
        assertEquals(0, items.code(), items.toString());
        String line = items.out().lines().filter(l -> l.contains("user:" + alice.id)).findFirst().orElse("");
        assertTrue(line.startsWith(alice.displayName) && line.contains(alice.userPrincipalName) && line.contains("mail,") && line.contains("contacts"), items.out());
        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run("items", "--json").out());
        JsonNode a = null;
        for (JsonNode e : json) {
            if (e.path("item").asText().equals("user:" + alice.id)) {
                a = e;
            }
        }
        assertTrue(a != null && a.path("name").asText().equals(alice.displayName) && a.path("items").asLong() > 0 && a.path("bytes").asLong() > 0
                && a.path("workloads").isArray() && a.path("workloads").toString().contains("\"mail\"") // GET /api/items' shape
                && RUN_ID.matcher("run " + a.path("lastRun").asText()).matches()
                && !java.time.Instant.parse(a.path("firstBackup").asText()).isAfter(java.time.Instant.parse(a.path("lastBackup").asText())),
                json.toPrettyString());
        Cli.Result one = run("runs", runId);
        assertTrue(one.out().lines().anyMatch(l -> l.startsWith("user:" + alice.id) && l.contains(alice.displayName)), one.out());
        Cli.Result ls = run("ls", "user:" + alice.userPrincipalName);
        assertTrue(ls.out().startsWith("user:" + alice.id + " (" + alice.displayName + ", " + alice.userPrincipalName + ") at "), ls.out());
    }

    @Test
    void runsNamesTheItemsThatFailedAndWhy() throws Exception {
        String broken = sim.snapshot(bob.id).path("mail").get(0).get("id").asText();
        // Graph does not retry a 500, so one answer covers this run's only download of it.
        sim.faults(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"inject\":[{\"path\":\"/messages/" + broken + "/$value\",\"status\":500,\"count\":1}]}"));
        // A repository of its own, where bob's mail is not backed up yet.
        assertEquals(0, cli.run("init", "--repo", "faulty").code());
        Cli.Result backup = cli.run("backup", "user:" + bob.id, "--workloads", "mail", "--repo", "faulty");
        assertEquals(0, backup.code(), "a failed item fails only itself: " + backup);
        assertTrue(backup.out().contains("1 items failed (retried next run)"), backup.out());
        Matcher m = RUN_ID.matcher(backup.out());
        assertTrue(m.find(), backup.out());
        Cli.Result one = cli.run("runs", m.group(1), "--repo", "faulty");
        assertEquals(0, one.code(), one.toString());
        assertTrue(one.out().contains("failed items (1, retried next run):"), one.out());
        assertTrue(one.out().contains("mail message " + broken + ": GET ") && one.out().contains("answered 500"), one.out());
    }

    @Test
    void lsBrowsesWorkloadsFoldersAndMessages() {
        Cli.Result top = run("ls", "user:" + alice.id);
        assertEquals(0, top.code(), top.toString());
        assertTrue(top.out().contains("mail/") && top.out().contains("contacts/"), top.out());
        Cli.Result mail = run("ls", "user:" + alice.id, "mail");
        assertTrue(mail.out().contains("Inbox/"), mail.out());
        Cli.Result inbox = run("ls", "user:" + alice.userPrincipalName, "mail/Inbox", "--at", "now");
        assertEquals(0, inbox.code(), inbox.toString());
        assertTrue(inbox.out().contains("message "), inbox.out());
        assertFailure(run("ls", "user:" + alice.id, "--at", "2000-01-01"), "user:" + alice.id + " has nothing backed up at 2000-01-01T23:59:59.999Z, before its first backup (20");
        assertFailure(run("ls", "user:" + alice.id, "mail/No such folder"), "no folder 'No such folder'");
        assertUsage(run("ls", "user:" + alice.id, "--at", "yesterday"), "'yesterday' is not a time");
    }

    @Test
    void exportWritesTheMailboxInEitherFormat() throws Exception {
        Path eml = tmp.resolve("eml");
        Cli.Result r = run("export", "user:" + alice.id, "--to", eml.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.isRegularFile(eml.resolve("manifest.json")));
        try (var files = Files.walk(eml)) {
            assertTrue(files.anyMatch(p -> p.toString().endsWith(".eml")));
        }
        assertFailure(run("export", "user:" + alice.id, "--to", eml.toString()), "is not empty; export into a new or empty directory,"
                + " or replace an earlier export there (vault export --overwrite)");
        Cli.Result again = run("export", "user:" + alice.id, "--to", eml.toString(), "--overwrite");
        assertEquals(0, again.code(), again.toString());
        Path mine = Files.createDirectories(tmp.resolve("notexport"));
        Files.writeString(mine.resolve("keep.txt"), "mine");
        assertFailure(run("export", "user:" + alice.id, "--to", mine.toString(), "--overwrite"), "holds no earlier export");
        assertEquals("mine", Files.readString(mine.resolve("keep.txt")), "a directory that is not an export is never emptied");
        Path mbox = tmp.resolve("mbox");
        Cli.Result m = run("export", "user:" + alice.id, "mail", "--to", mbox.toString(), "--format", "mbox");
        assertEquals(0, m.code(), m.toString());
        try (var files = Files.walk(mbox)) {
            assertTrue(files.anyMatch(p -> p.toString().endsWith(".mbox")));
        }
        assertUsage(run("export", "user:" + alice.id), "Missing required option: '--to=DIR'");
        assertUsage(run("export", "user:" + alice.id, "--to", "x", "--format", "pst"), "unknown mail format 'pst'");
        assertFailure(run("export", "user:" + alice.id, "calendar/Calendar", "--to", tmp.resolve("one").toString()),
                "exporting one folder (calendar/Calendar) is not supported yet outside files/ and mail/");
    }

    @Test
    void exportWritesOneMailFolderOrWhatASearchPicks() throws Exception {
        Path inbox = tmp.resolve("inbox");
        Cli.Result r = run("export", "user:" + alice.id, "mail/Inbox", "--to", inbox.toString());
        assertEquals(0, r.code(), r.toString());
        java.util.List<String> written;
        try (var files = Files.walk(inbox)) {
            written = files.filter(p -> p.toString().endsWith(".eml")).map(p -> inbox.relativize(p).toString()).toList();
        }
        long inInbox = java.util.stream.StreamSupport.stream(sim.snapshot(alice.id).path("mail").spliterator(), false)
                .filter(m -> m.get("folder").asText().equals("Inbox") || m.get("folder").asText().startsWith("Inbox/")).count();
        assertTrue(inInbox > 0 && written.size() == inInbox && written.stream().allMatch(p -> p.startsWith("mail/Inbox/")), written.toString());

        // A subject as a file name shows it (letters, digits and spaces only, so the name is the subject itself).
        String subject = written.stream().map(p -> p.substring(p.lastIndexOf('/') + 1)).filter(n -> n.contains(" ~"))
                .map(n -> n.substring(0, n.indexOf(" ~"))).filter(n -> n.matches("[A-Za-z0-9 ]{4,}")).findFirst().orElseThrow();
        Path all = tmp.resolve("all");
        assertEquals(0, run("export", "user:" + alice.id, "mail", "--to", all.toString()).code());
        java.util.List<String> everything;
        try (var files = Files.walk(all)) {
            everything = files.filter(p -> p.toString().endsWith(".eml")).map(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT))
                    .toList();
        }
        long withSubject = everything.stream().filter(n -> n.contains(subject.toLowerCase(java.util.Locale.ROOT))).count();
        Path found = tmp.resolve("found");
        Cli.Result s = run("export", "user:" + alice.id, "mail", "--subject", subject.toUpperCase(java.util.Locale.ROOT), "--to", found.toString());
        assertEquals(0, s.code(), s.toString());
        try (var files = Files.walk(found)) {
            java.util.List<String> names = files.filter(p -> p.toString().endsWith(".eml"))
                    .map(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT)).toList();
            assertTrue(withSubject > 0 && withSubject < everything.size(), withSubject + " of " + everything.size());
            assertEquals(withSubject, names.size(), "the messages whose subject holds '" + subject + "': " + names);
        }
        assertFailure(run("export", "user:" + alice.id, "--after", "last week", "--to", tmp.resolve("bad").toString()),
                "--after must be a day such as 2026-11-25 or a UTC time");
        assertFailure(run("export", "user:" + alice.id, "mail", "--subject", "no such subject anywhere", "--to", tmp.resolve("none").toString()),
                "matches the search (subject~\"no such subject anywhere\")");
    }

    @Test
    void exportWritesOneFolderOfTheFiles() throws Exception {
        Cli.Result backup = run("backup", "user:" + alice.id, "--workloads", "files");
        assertEquals(0, backup.code(), backup.toString());
        Path out = tmp.resolve("documents");
        Cli.Result r = run("export", "user:" + alice.id, "files/OneDrive/Documents", "--to", out.toString());
        assertEquals(0, r.code(), r.toString());
        java.util.Set<String> expected = new java.util.TreeSet<>();
        for (var f : sim.snapshot(alice.id).path("files")) {
            if (f.get("path").asText().startsWith("/Documents/")) {
                expected.add("files/OneDrive" + f.get("path").asText());
            }
        }
        java.util.Set<String> written = new java.util.TreeSet<>();
        try (var files = Files.walk(out)) {
            files.filter(Files::isRegularFile).map(p -> out.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("manifest.json")).forEach(written::add);
        }
        assertFalse(expected.isEmpty());
        assertEquals(expected, written, "the folder's files and nothing else");
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"quickXorHash\""));
        assertUsage(run("export", "user:" + alice.id, "files/OneDrive", "--workloads", "mail", "--to", tmp.resolve("x").toString()),
                "is outside --workloads mail");
    }

    @Test
    void aTimeInTheFutureIsBadUsageAndOneBeforeTheFirstBackupAFailure() {
        String future = Instant.now().plus(Duration.ofDays(2)).toString().substring(0, 10);
        Path to = tmp.resolve("never");
        for (String[] command : new String[][] {{"ls"}, {"export", "--to", to.toString()}, {"restore", "--export"}}) {
            List<String> args = new ArrayList<>(List.of(command[0], "user:" + alice.userPrincipalName));
            args.addAll(List.of(command).subList(1, command.length));
            args.addAll(List.of("--at", future));
            assertUsage(run(args.toArray(String[]::new)), " is in the future (now is ");
            args.set(args.size() - 1, "2020-06-01T00:00:00Z");
            assertFailure(run(args.toArray(String[]::new)), "user:" + alice.id + " has nothing backed up at 2020-06-01T00:00:00Z, before its first backup (");
        }
        assertFalse(Files.exists(to), "nothing exported");
        assertFailure(run("ls", "user:never-backed-up"), "user:never-backed-up has nothing backed up");
    }

    /** Every command that opens the repository or asks Graph: one line naming the setting within seconds, not a minute of retries. */
    @Test
    void storageOrGraphThatCannotBeReachedOrRefusesTheKeyIsOneLineNamingTheSetting() throws Exception {
        int port = Misconfigured.closedPort();
        String storage = cli.env("VAULT_STORAGE");
        Cli closed = cli.with("VAULT_STORAGE", Misconfigured.endpointsOn(storage, port));
        Cli wrongKey = cli.with("VAULT_STORAGE", Misconfigured.wrongKey(storage));
        String[][] commands = {{"init", "--repo", "other"}, {"runs"}, {"ls", "user:" + alice.id}, {"verify"}, {"key", "rotate"},
                {"backup", "user:" + alice.id}, {"export", "user:" + alice.id, "--to", tmp.resolve("unreached").toString()},
                {"restore", "user:" + alice.id, "--export"}};
        for (String[] c : commands) {
            assertFailsSoon(closed, c, "vault: VAULT_STORAGE: cannot reach 127.0.0.1:" + port + " (connection refused)");
            assertFailsSoon(wrongKey, c, " refuses the credentials (403 ");
        }
        Cli noGraph = cli.with("GRAPH_BASE_URL", "http://127.0.0.1:" + port + "/v1.0");
        assertFailsSoon(noGraph, new String[] {"backup", "user:" + alice.userPrincipalName},
                "vault: GRAPH_BASE_URL: cannot reach 127.0.0.1:" + port + " (connection refused)");
        assertFailsSoon(noGraph, new String[] {"backup", "user:" + alice.id}, "vault: GRAPH_BASE_URL: cannot reach 127.0.0.1:" + port);
        // What is backed up is found by UPN through the inventory, without Graph.
        Cli.Result offline = noGraph.run("ls", "user:" + alice.userPrincipalName, "--repo", "clitest");
        assertEquals(0, offline.code(), offline.toString());
        assertFalse(Files.exists(tmp.resolve("unreached")));
    }

    private void assertFailsSoon(Cli c, String[] args, String expected) {
        long start = System.nanoTime();
        String[] withRepo = args[0].equals("init") ? args : java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--repo", "clitest")).toArray(String[]::new);
        Cli.Result r = c.run(withRepo);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(1, r.code(), String.join(" ", args) + ": " + r);
        assertTrue(r.errorLine().contains(expected), String.join(" ", args) + ": " + r.errorLine());
        assertTrue(took.toSeconds() < 5, String.join(" ", args) + " took " + took);
    }

    @Test
    void restoreMakesAnExportJobOrRestoresMailIntoTheTenant() {
        Cli.Result r = run("restore", "user:" + alice.id, "mail", "--export", "--format", "mbox");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("download (until ") && r.out().contains(" zip in exports/"), r.out());
        int before = sim.snapshot(alice.id).path("mail").size();
        Cli.Result tenant = run("restore", "user:" + alice.id, "--workloads", "mail", "--folder");
        assertEquals(0, tenant.code(), tenant.toString());
        assertTrue(tenant.out().contains(" items (mail) restored into user:" + alice.id + ", 0 skipped as already there, 0 failed"), tenant.out());
        int restored = sim.snapshot(alice.id).path("mail").size() - before;
        assertTrue(restored > 0 && tenant.out().contains("done: " + restored + " of " + restored + " items"), tenant.out());
        assertTrue(sim.snapshot(alice.id).path("mail").findValuesAsText("folder").stream().anyMatch(f -> f.startsWith("Restored 20")));
        assertEquals(0, run("backup", "user:" + alice.id, "--workloads", "calendar").code(), "the calendar backed up too");
        int events = sim.snapshot(alice.id).path("events").size();
        int contacts = sim.snapshot(alice.id).path("contacts").size();
        Cli.Result both = run("restore", "user:" + alice.id, "--workloads", "calendar,contacts", "--folder", "Back");
        assertEquals(0, both.code(), both.toString());
        assertTrue(both.out().contains(" items (calendar,contacts) restored into user:" + alice.id + ", 0 skipped as already there, 0 failed"),
                both.out());
        assertEquals(2 * events, sim.snapshot(alice.id).path("events").size(), "every event (exceptions too) once more");
        assertEquals(2 * contacts, sim.snapshot(alice.id).path("contacts").size(), "every contact once more");
        assertTrue(sim.snapshot(alice.id).path("events").findValuesAsText("calendar").stream().anyMatch(c -> c.startsWith("Back/")));
        assertFailure(run("restore", "user:" + alice.id, "--workloads", "lists"), "lists and pages go from a site into a site, not user:" + alice.id);
        assertFailure(run("restore", "user:" + alice.id, "--to-item", "user:nobody@nowhere.example"), "the tenant has no user nobody@nowhere.example");
        assertUsage(run("restore", "user:" + alice.id, "--export", "--folder", "Restored"), "--export writes a zip");
    }

    @Test
    void pruneReportsWhatItDidAndRefusesAShortGraceAndASecondPrune(AzuriteExtension.StorageAccount account) {
        // A repository of its own holding one mail backup: the class's shared one gathers other tests' garbage
        // (a calendar backup can store chunks no version keeps, which prune collects), which this test is not about.
        assertEquals(0, cli.run("init", "--repo", "prunecli").code());
        assertEquals(0, cli.run("backup", "user:" + alice.id, "--workloads", "mail", "--repo", "prunecli").code());
        Cli.Result dry = cli.run("prune", "--dry-run", "--repo", "prunecli");
        assertEquals(0, dry.code(), dry.toString());
        assertTrue(dry.out().contains("dry run: nothing was changed") && dry.out().contains(" expired, 0 dropped"), dry.out());
        Cli.Result real = cli.run("prune", "--grace", "36h", "--repo", "prunecli");
        assertEquals(0, real.code(), real.toString());
        // Every version is a few seconds old and every chunk referenced: retention keeps all, nothing is garbage.
        assertTrue(real.out().contains(", 0 expired, 0 dropped") && real.out().contains("chunks: 0 condemned")
                && real.out().contains("freed 0 B; stored ") && real.out().contains(" protected ("), real.out());
        assertUsage(cli.run("prune", "--grace", "1h", "--repo", "prunecli"), "--grace: a grace of PT1H is shorter than the PT12H");
        assertUsage(cli.run("prune", "--grace", "soon", "--repo", "prunecli"), "'soon' is not a duration");
        io.m365vault.repo.StorageAccount storage = io.m365vault.repo.StorageAccount.of(account.connectionString());
        try (io.m365vault.repo.Repository repo = io.m365vault.repo.Repository.open(storage, "prunecli",
                io.m365vault.repo.Keks.fromSpec("file:" + tmp.resolve("kek"), Map.of()));
             io.m365vault.service.ItemLease held = io.m365vault.service.ItemLease.tryAcquireMaintenance(
                     io.m365vault.service.ItemLease.container(storage), repo, "test").orElseThrow()) {
            assertFailure(cli.run("prune", "--repo", "prunecli"), "another prune of repository prunecli is running");
        }
        Cli.Result verify = cli.run("verify", "--read-data", "--repo", "prunecli");
        assertEquals(0, verify.code(), verify.toString());
    }

    @Test
    void statsCountsThePacksAndEstimatesTheCost(AzuriteExtension.StorageAccount account) {
        BlobContainerClient container = new BlobServiceClientBuilder().connectionString(account.connectionString())
                .buildClient().getBlobContainerClient("clitest");
        List<BlobItem> packs = container.listBlobs().stream().filter(b -> b.getName().startsWith("packs/")).toList();
        long bytes = packs.stream().mapToLong(b -> b.getProperties().getContentLength()).sum();
        Cli.Result stats = run("stats");
        assertEquals(0, stats.code(), stats.toString());
        assertTrue(stats.out().contains("stored " + Sizes.bytes(bytes) + " in " + packs.size() + " packs (Hot " + Sizes.bytes(bytes) + ")"),
                stats.out());
        assertTrue(stats.out().contains("ratios: stored/protected ") && stats.out().contains("estimated cost per month (USD")
                && stats.out().contains("Microsoft 365 Backup at $0.15 per protected GB-month: $"), stats.out());
    }

    @Test
    void restoreWritesFilesIntoAnotherUsersOneDriveAndSkipsWhatIsThere() {
        assertEquals(0, run("backup", "user:" + alice.id, "--workloads", "files").code(), "alice's OneDrive backed up");
        Map<String, String> alices = files(alice.id, "");
        assertTrue(alices.size() > 3, "files to restore: " + alices);
        Cli.Result r = run("restore", "user:" + alice.id, "--workloads", "files", "--to-item", "user:" + bob.userPrincipalName, "--folder", "From Alice");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains(" items (files) restored into user:" + bob.id + ", 0 skipped as already there, 0 failed"), r.out());
        assertEquals(alices, files(bob.id, "/From Alice"), "every file, its bytes and times, under From Alice");

        String folder = alices.keySet().stream().filter(p -> p.lastIndexOf('/') > 0).findFirst().orElseThrow().replaceFirst("/[^/]*$", "");
        Cli.Result again = run("restore", "user:" + alice.id, "files/OneDrive" + folder, "--to-item", "user:" + bob.id, "--folder", "From Alice",
                "--skip-existing");
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().contains("done: 0 of ") && again.out().contains(" skipped as already there, 0 failed"), again.out());
        assertEquals(alices, files(bob.id, "/From Alice"), "nothing added");
        assertFailure(run("restore", "user:" + alice.id, "files/OneDrive/No such folder"), "no folder or file OneDrive/No such folder");
        assertUsage(run("restore", "user:" + alice.id, "calendar/Calendar"), "only the files and the mail narrow to one folder or item");
        assertFailure(run("restore", "user:" + alice.id, "--before", "2026-13-01"), "--before must be a day such as 2026-11-25");
    }

    @Test
    void restoreWritesASitesListsAndPagesIntoAnotherSiteAndPrintsWhatItLeftOut() {
        String a = sim.tenant().sites().sites().get(1).id;
        String b = sim.tenant().sites().sites().get(2).id;
        assertEquals(0, run("backup", "site:" + a, "--workloads", "lists,pages").code(), "the site's lists and pages backed up");
        int items = sim.snapshot(b).path("lists").size();
        int pages = sim.snapshot(b).path("pages").size();
        Cli.Result r = run("restore", "site:" + a, "--workloads", "lists,pages", "--to-item", "site:" + b);
        assertEquals(0, r.code(), r.toString());
        int added = sim.snapshot(b).path("lists").size() - items + sim.snapshot(b).path("pages").size() - pages;
        assertTrue(r.out().contains("done: " + added + " of " + added + " items (lists,pages) restored into site:" + b + ", 0 skipped as already there, 0 failed"),
                r.out());
        assertEquals(3, sim.snapshot(b).path("pages").size() - pages, "every page");
        assertTrue(r.out().contains("\n  note: list Issues: AssignedTo left out where the person is not in the target site's people list ("), r.out());
        assertFailure(run("restore", "site:" + a, "--workloads", "lists", "--to-item", "user:" + bob.id), "lists and pages go from a site into a site");
    }

    /** A user's files under {@code under} as graph-sim shows them: path -> sha256|created|modified. */
    private Map<String, String> files(String user, String under) {
        Map<String, String> out = new java.util.TreeMap<>();
        sim.snapshot(user).path("files").forEach(f -> {
            if (f.get("path").asText().startsWith(under + "/")) {
                out.put(f.get("path").asText().substring(under.length()), f.get("sha256").asText() + "|" + f.get("createdDateTime").asText() + "|"
                        + f.get("lastModifiedDateTime").asText());
            }
        });
        return out;
    }

    @Test
    void verifyFindsTheRepositorySoundThenAMissingPack(AzuriteExtension.StorageAccount account) {
        Cli.Result ok = run("verify", "--read-data");
        assertEquals(0, ok.code(), ok.toString());
        assertTrue(ok.out().contains("repository clitest is sound, every chunk decrypted"), ok.out());
        assertUsage(run("verify", "extra"), "Unmatched argument");

        assertEquals(0, cli.run("init", "--repo", "damaged").code());
        assertEquals(0, cli.run("backup", "user:" + alice.id, "--workloads", "mail", "--repo", "damaged").code());
        BlobContainerClient container = new BlobServiceClientBuilder().connectionString(account.connectionString())
                .buildClient().getBlobContainerClient("damaged");
        BlobItem pack = container.listBlobs().stream().filter(b -> b.getName().startsWith("packs/")).findFirst().orElseThrow();
        container.getBlobClient(pack.getName()).delete();
        Cli.Result bad = cli.run("verify", "--repo", "damaged");
        assertFailure(bad, "repository damaged has ");
        assertTrue(bad.out().contains("is missing"), bad.out());
    }
}
