package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.Json;
import io.m365vault.graph.GraphRequests;
import java.io.IOException;
import java.util.Map;

/**
 * The target mailbox's calendar for each backed-up calendar. Outlook does not nest calendars, so
 * a restore asked to go under a name puts each calendar in one named {@code <name>/<calendar>}
 * (as mail's folders are "Restored/Inbox"); without one, the backed-up default calendar goes into
 * the target's default calendar and every other into the calendar of its name, found or created.
 */
final class TargetCalendars {
    private final GraphRequests graph;
    private final String mailbox;
    private final Map<String, JsonNode> source;
    private final String folder;
    private final TargetFolders byName;
    private String defaultId;

    /** @param source the backed-up calendars' Graph JSON by id; @param folder the name prefix, or null */
    TargetCalendars(GraphRequests graph, String userId, Map<String, JsonNode> source, String folder) {
        this.graph = graph;
        this.mailbox = "/users/" + Json.seg(userId);
        this.source = source;
        this.folder = folder;
        this.byName = new TargetFolders(graph, TargetFolders.Tree.CALENDARS, "/users/" + Json.seg(userId), Map.of(), null);
    }

    /** The target calendar for events of {@code sourceCalendarId} (null or unknown: events whose calendar the backup lacks). */
    String of(String sourceCalendarId) throws IOException {
        JsonNode cal = sourceCalendarId == null ? null : source.get(sourceCalendarId);
        String name = cal == null ? TargetFolders.UNFILED : cal.path("name").asText("Calendar");
        if (folder != null) {
            return byName.child(null, folder + "/" + name);
        }
        if (cal == null || cal.path("isDefaultCalendar").asBoolean(false)) {
            return defaultCalendar();
        }
        return byName.child(null, name);
    }

    int created() {
        return byName.created();
    }

    private String defaultCalendar() throws IOException {
        if (defaultId == null) {
            defaultId = graph.getJson(mailbox + "/calendar?$select=id", Map.of()).path("id").asText();
        }
        return defaultId;
    }
}
