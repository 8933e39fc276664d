package io.m365vault.graphsim.site;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.Json;

/**
 * The v1.0 columnDefinition JSON of the two generated lists: each column carries exactly one
 * type facet (text, number, dateTime, choice, boolean, personOrGroup, lookup) as Graph documents.
 */
final class ListColumns {
    static final String[] STATUSES = {"New", "Active", "Resolved", "Closed"};
    static final String[] PRIORITIES = {"(1) High", "(2) Normal", "(3) Low"};

    private ListColumns() {
    }

    static ArrayNode tasks(long seed, String listId) {
        ArrayNode a = Json.arr();
        title(a.addObject(), seed, listId);
        column(a.addObject(), seed, listId, "PercentComplete", "% Complete").putObject("number")
                .put("decimalPlaces", "automatic").put("displayAs", "number").put("minimum", 0).put("maximum", 100);
        column(a.addObject(), seed, listId, "StartDate", "Start Date").putObject("dateTime")
                .put("displayAs", "default").put("format", "dateOnly");
        column(a.addObject(), seed, listId, "Completed", "Completed").putObject("boolean");
        return a;
    }

    static ArrayNode issues(long seed, String listId, String tasksListId) {
        ArrayNode a = Json.arr();
        title(a.addObject(), seed, listId);
        choice(column(a.addObject(), seed, listId, "Status", "Issue Status"), STATUSES);
        choice(column(a.addObject(), seed, listId, "Priority", "Priority"), PRIORITIES);
        column(a.addObject(), seed, listId, "Estimate", "Estimate (hours)").putObject("number")
                .put("decimalPlaces", "one").put("displayAs", "number");
        column(a.addObject(), seed, listId, "DueDate", "Due Date").putObject("dateTime")
                .put("displayAs", "default").put("format", "dateTime");
        column(a.addObject(), seed, listId, "Resolved", "Resolved").putObject("boolean");
        column(a.addObject(), seed, listId, "AssignedTo", "Assigned To").putObject("personOrGroup")
                .put("allowMultipleSelection", false).put("chooseFromType", "peopleOnly").put("displayAs", "account");
        column(a.addObject(), seed, listId, "RelatedTask", "Related Task").putObject("lookup")
                .put("allowMultipleValues", false).put("allowUnlimitedLength", false)
                .put("columnName", "Title").put("listId", tasksListId);
        return a;
    }

    /** A document library's list face (its files are a drive) and a hidden list: a title column is all they need here. */
    static ArrayNode titleOnly(long seed, String listId) {
        ArrayNode a = Json.arr();
        title(a.addObject(), seed, listId);
        return a;
    }

    /** The site's User Information List, which person columns' lookup ids point into. */
    static ArrayNode people(long seed, String listId) {
        ArrayNode a = Json.arr();
        title(a.addObject(), seed, listId);
        text(column(a.addObject(), seed, listId, "EMail", "Work e-mail"));
        text(column(a.addObject(), seed, listId, "UserName", "User name"));
        return a;
    }

    /** The column the mutator adds to an issue tracker: a schema change after the first backup. */
    static ObjectNode category(long seed, String listId) {
        ObjectNode c = column(Json.obj(), seed, listId, "Category", "Category");
        choice(c, CATEGORIES);
        return c;
    }

    static final String[] CATEGORIES = {"Bug", "Question", "Feature"};

    private static void text(ObjectNode c) {
        c.putObject("text").put("allowMultipleLines", false).put("appendChangesToExistingText", false)
                .put("linesForEditing", 0).put("maxLength", 255);
    }

    /** The list's content types (v1.0 contentType): Item for lists, Issue for issue trackers, Person for the people list. */
    static ArrayNode contentTypes(SiteList l) {
        ArrayNode a = Json.arr();
        ObjectNode ct = a.addObject();
        String[] t = switch (l.template) {
            case "issueTracking" -> new String[] {"0x0103", "Issue", "Track an item to resolution."};
            case "documentLibrary" -> new String[] {"0x0101", "Document", "Create a new document."};
            case "userInformation" -> new String[] {"0x010A", "Person", "A person known to the site."};
            default -> new String[] {"0x0100", "Item", "Create a new list item."};
        };
        ct.put("id", t[0] + "00" + l.id.replace("-", "").toUpperCase(java.util.Locale.ROOT));
        ct.put("name", t[1]);
        ct.put("description", t[2]);
        ct.put("group", "List Content Types");
        ct.put("hidden", false);
        ct.put("readOnly", false);
        ct.put("sealed", false);
        ct.putObject("base").put("id", t[0]).put("name", t[1]);
        ArrayNode links = ct.putArray("columnLinks");
        l.columns.forEach(c -> links.addObject().put("name", c.path("name").asText()));
        return a;
    }

    private static void title(ObjectNode c, long seed, String listId) {
        column(c, seed, listId, "Title", "Title").put("required", true).putObject("text")
                .put("allowMultipleLines", false).put("appendChangesToExistingText", false)
                .put("linesForEditing", 0).put("maxLength", 255);
    }

    private static ObjectNode column(ObjectNode c, long seed, String listId, String name, String displayName) {
        c.put("id", io.m365vault.graphsim.model.Ids.uuid(seed, "column:" + listId + ":" + name).toString());
        c.put("name", name);
        c.put("displayName", displayName);
        c.put("description", "");
        c.put("columnGroup", "Custom Columns");
        c.put("enforceUniqueValues", false);
        c.put("hidden", false);
        c.put("indexed", false);
        c.put("readOnly", false);
        c.put("required", false);
        return c;
    }

    private static void choice(ObjectNode c, String[] choices) {
        ObjectNode ch = c.putObject("choice");
        ch.put("allowTextEntry", false);
        ArrayNode values = ch.putArray("choices");
        for (String s : choices) {
            values.add(s);
        }
        ch.put("displayAs", "dropDownMenu");
    }
}
