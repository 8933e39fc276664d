package io.m365vault.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo end to end on a small tenant: its own Azurite and graph-sim, started and stopped by it. */
class DemoCommandTest {
    @Test
    void backsUpChangesAndExportsASmallTenant(@TempDir Path tmp) throws Exception {
        Cli cli = new Cli(Map.of(), tmp);
        Cli.Result r = cli.run("demo", "--users", "6", "--out", tmp.resolve("demo").toString());
        assertEquals(0, r.code(), r.toString());
        for (String line : new String[] {"full backup    run ", "incremental    run ", "files          ", "ratios         dedup ", "Graph          ",
                "verify         sound", "time           "}) {
            assertTrue(r.out().contains(line), "summary line '" + line + "' in\n" + r.out());
        }
        assertTrue(r.out().contains("0 failed") || !r.out().contains("failed"), r.out());
        Matcher dir = Pattern.compile("exported to    (.+)").matcher(r.out());
        assertTrue(dir.find(), r.out());
        Path export = Path.of(dir.group(1).strip());
        assertTrue(export.startsWith(tmp) && Files.isRegularFile(export.resolve("manifest.json")), export.toString());
        assertTrue(r.err().contains("demo-full: "), "progress on stderr: " + r.err());
        Matcher files = Pattern.compile("files          (\\d+) OneDrives and (\\d+) libraries of \\d+ sites: (\\d+) files").matcher(r.out());
        assertTrue(files.find() && Integer.parseInt(files.group(1)) > 0 && Integer.parseInt(files.group(2)) > 0 && Integer.parseInt(files.group(3)) > 10,
                "OneDrives and site libraries are protected: " + r.out());
        assertTrue(Files.isDirectory(export.resolve("files/OneDrive")), "the export has the user's OneDrive");
        Matcher skipped = Pattern.compile("full backup    run \\S+: [^;]*?(\\d+) skipped of").matcher(r.out());
        long named = r.out().lines().filter(l -> l.startsWith("  skipped        ") && l.contains(" (") && l.contains("): ")).count();
        assertEquals(skipped.find() ? Long.parseLong(skipped.group(1)) : 0, named, "each skipped item is named with why: " + r.out());
        Matcher sites = Pattern.compile("sites          (\\d+) sites: (\\d+) lists with (\\d+) items and (\\d+) attachments \\([^)]*\\), (\\d+) pages")
                .matcher(r.out());
        assertTrue(sites.find() && Integer.parseInt(sites.group(1)) > 0 && Integer.parseInt(sites.group(2)) >= 3 * Integer.parseInt(sites.group(1))
                && Integer.parseInt(sites.group(4)) > 0 && Integer.parseInt(sites.group(5)) >= 3 * Integer.parseInt(sites.group(1)),
                "lists with their attachments and pages are protected: " + r.out());
        Matcher siteDir = Pattern.compile("site export    site:\\S+ .* in (.+)").matcher(r.out());
        assertTrue(siteDir.find(), r.out());
        Path site = Path.of(siteDir.group(1).strip());
        assertTrue(Files.isRegularFile(site.resolve("lists/Issues/items.csv")) && Files.isRegularFile(site.resolve("pages/Home/page.html")),
                "the site export has its lists and pages: " + site);
        try (var attached = Files.walk(site.resolve("lists"))) {
            assertTrue(attached.anyMatch(p -> Files.isRegularFile(p) && p.getParent().getParent().getFileName().toString().equals("attachments")),
                    "and the files attached to its items");
        }
    }

    @Test
    void refusesATenantTooSmall() {
        Cli.Result r = new Cli(Map.of(), Path.of(".")).run("demo", "--users", "2");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--users must be 6 to 10000"), r.err());
    }
}
