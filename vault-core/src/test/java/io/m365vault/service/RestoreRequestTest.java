package io.m365vault.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.backup.Workload;
import io.m365vault.restore.ExportOptions;
import io.m365vault.restore.MailFormat;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RestoreRequestTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void defaultsAndFullForm() {
        RestoreRequest r = RestoreRequest.parse("{\"item\":\"user:a@x.test\"}", NOW);
        assertEquals(Set.of(Workload.MAIL, Workload.CALENDAR, Workload.CONTACTS, Workload.FILES), r.workloads(), "a user's mailbox and OneDrive");
        assertEquals(Set.of(Workload.FILES, Workload.LISTS, Workload.PAGES), RestoreRequest.parse("{\"item\":\"site:s1\"}", NOW).workloads());
        RestoreRequest folder = RestoreRequest.parse("{\"item\":\"group:g1\",\"path\":\"Documents/Reports\"}", NOW);
        assertEquals("Documents/Reports", folder.path());
        assertEquals(folder, RestoreRequest.parse(folder.toJson(), NOW));
        assertEquals(NOW, r.at());
        assertEquals("export", r.target());
        assertEquals(MailFormat.EML, r.format());
        RestoreRequest full = RestoreRequest.parse("{\"item\":\"user:u1\",\"workloads\":[\"mail\"],\"at\":\"2026-11-01T00:00:00Z\","
                + "\"target\":\"export\",\"format\":\"mbox\",\"filters\":{}}", NOW);
        assertEquals(Set.of(Workload.MAIL), full.workloads());
        assertEquals(MailFormat.MBOX, full.format());
        assertEquals(full, RestoreRequest.parse(full.toJson(), NOW));
    }

    @Test
    void filtersAreASearchAndAPathNamesOneMailFolderOrMessageWhenMailIsTheOneWorkload() {
        RestoreRequest r = RestoreRequest.parse("{\"item\":\"user:u\",\"target\":\"original\",\"filters\":{\"subject\":\"Q3 Report\","
                + "\"from\":\"Ann\",\"name\":\".XLSX\",\"after\":\"2026-01-01\",\"before\":\"2026-02-01T12:00:00Z\"}}", NOW);
        assertEquals(new io.m365vault.restore.SearchScope("q3 report", "ann", ".xlsx", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T12:00:00Z")), r.search());
        assertEquals(r, RestoreRequest.parse(r.toJson(), NOW), "the queued job reads the same search back");
        RestoreRequest one = RestoreRequest.parse("{\"item\":\"user:u\",\"workloads\":[\"mail\"],\"path\":\"Inbox/AAMk/x=\"}", NOW);
        assertEquals("Inbox/AAMk/x=", one.mailPath());
        assertEquals(null, one.filesPath());
        RestoreRequest both = RestoreRequest.parse("{\"item\":\"user:u\",\"workloads\":[\"mail\",\"files\"],\"path\":\"OneDrive/A\"}", NOW);
        assertEquals("OneDrive/A", both.filesPath(), "with files among the workloads the path is theirs");
        assertEquals(null, both.mailPath());
    }

    @Test
    void filesGoIntoAUsersSitesOrGroupsDriveAndAreASitesDefault() {
        RestoreRequest site = RestoreRequest.parse("{\"item\":\"site:s\",\"target\":\"alternate\",\"toItem\":\"group:g\",\"path\":\"Documents/A\"}", NOW);
        assertEquals(Set.of(Workload.FILES), site.workloads(), "a site's default");
        assertEquals("group:g", site.tenant().toItem().toString());
        assertEquals("Documents/A", site.path());
        RestoreRequest user = RestoreRequest.parse("{\"item\":\"user:u\",\"target\":\"alternate\",\"toItem\":\"site:s\",\"workloads\":[\"files\"]}", NOW);
        assertEquals(Set.of(Workload.FILES), user.workloads());
        assertEquals(Set.of(Workload.MAIL), RestoreRequest.parse("{\"item\":\"user:u\",\"target\":\"original\"}", NOW).workloads(),
                "a user's default stays mail");
    }

    @Test
    void everyKindOfBadBodyIsOneLine() {
        String[][] cases = {
                {"{", "not valid JSON"}, {"", "must be a JSON object"}, {"[1]", "must be a JSON object"},
                {"{\"item\":\"user:u\"} x", "not valid JSON"},
                {"{\"item\":\"user:u\",\"colour\":\"red\"}", "unknown field 'colour'"},
                {"{}", "needs item"}, {"{\"item\":42}", "item must be a string"}, {"{\"item\":\"bob\"}", "item must be"}, {"{\"item\":\"user:../../etc/passwd\"}", "item must be"},
                {"{\"item\":\"user:u\",\"workloads\":\"mail\"}", "workloads must be a non-empty array"},
                {"{\"item\":\"user:u\",\"workloads\":[]}", "workloads must be a non-empty array"},
                {"{\"item\":\"user:u\",\"workloads\":[1]}", "workloads must hold strings"},
                {"{\"item\":\"user:u\",\"workloads\":[\"email\"]}", "unknown workload"},
                {"{\"item\":\"user:u\",\"workloads\":[\"lists\"]}", "it has no lists"},
                {"{\"item\":\"user:u\",\"workloads\":[\"calendar\"],\"path\":\"OneDrive\"}", "path names a folder or file"},
                {"{\"item\":\"user:u\",\"workloads\":[\"mail\",\"calendar\"],\"path\":\"Inbox\"}", "the workloads leave both out"},
                {"{\"item\":\"user:u\",\"at\":\"yesterday\"}", "at must be an ISO-8601"},
                {"{\"item\":\"user:u\",\"at\":5}", "at must be a string"},
                {"{\"item\":\"user:u\",\"target\":\"original\",\"workloads\":[\"lists\"]}", "lists and pages go from a site into a site, not user:u into user:u"},
                {"{\"item\":\"site:s\",\"target\":\"original\",\"workloads\":[\"lists\",\"pages\"],\"folder\":\"Old\"}", "lists and pages go back under their own names"},
                {"{\"item\":\"user:u\",\"target\":\"alternate\",\"toItem\":\"site:s\",\"workloads\":[\"files\",\"mail\"]}", "files go into a user's, site's or group's drive"},
                {"{\"item\":\"user:u\",\"target\":\"original\",\"workloads\":[\"calendar\",\"email\"]}", "workloads: no workload \"email\"; the workloads are mail,"},
                {"{\"item\":\"user:u\",\"target\":\"alternate\"}", "target alternate needs toItem"},
                {"{\"item\":\"user:u\",\"target\":\"original\",\"toItem\":\"user:v\"}", "use alternate with toItem"},
                {"{\"item\":\"user:u\",\"toItem\":\"user:v\"}", "not an export"},
                {"{\"item\":\"user:u\",\"target\":\"alternate\",\"toItem\":\"site:s\"}", "into a user's mailbox"},
                {"{\"item\":\"user:u\",\"target\":\"original\",\"skipExisting\":\"yes\"}", "skipExisting must be true or false"},
                {"{\"item\":\"user:u\",\"target\":\"cloud\"}", "target must be"},
                {"{\"item\":\"user:u\",\"format\":\"pst\"}", "unknown mail format"},
                {"{\"item\":\"user:u\",\"filters\":{\"folder\":\"Inbox\"}}", "filters has unknown field 'folder'; known: after, before, from, name, subject"},
                {"{\"item\":\"user:u\",\"filters\":[\"x\"]}", "filters must be an object"},
                {"{\"item\":\"user:u\",\"filters\":{\"subject\":3}}", "filters.subject must be a string"},
                {"{\"item\":\"user:u\",\"filters\":{\"after\":\"last week\"}}", "filters.after must be a day such as 2026-11-25"},
                {"{\"item\":\"user:u\",\"filters\":{\"after\":\"2026-02-01\",\"before\":\"2026-01-01\"}}", "must be earlier than before"},
                {"{\"item\":\"site:s1\",\"workloads\":[\"mail\"]}", "has files, lists, pages only; it has no mail"},
        };
        for (String[] c : cases) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> RestoreRequest.parse(c[0], NOW), c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
