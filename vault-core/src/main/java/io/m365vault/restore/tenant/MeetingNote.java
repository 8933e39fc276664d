package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a restored meeting keeps who was in it. Graph sends invitations to every attendee of an
 * event it creates, and has no way to create one without (DESIGN §4: {@code transactionId} only
 * stops duplicate creates), so a restore creates every event without attendees: no one is
 * invited, and no later change or cancellation of an occurrence reaches anyone. The organizer and
 * attendees as backed up are kept twice: visibly, as a paragraph at the end of the body (as Corso
 * does), and exactly, as the Graph JSON of both in the named extended property {@link #PROPERTY},
 * for a tool (or a later restore) to read back.
 */
final class MeetingNote {
    /** A string property of m365vault's own property set; Graph names a named property by GUID and name. */
    static final String PROPERTY = "String {8c1b2f4e-5d0a-4f53-9b7e-3a6d2c9e1f70} Name m365vault.meeting";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MeetingNote() {
    }

    /** Whether the event invited anyone (a meeting, not an appointment). */
    static boolean meeting(JsonNode event) {
        return event.path("attendees").isArray() && !event.path("attendees").isEmpty();
    }

    /** Adds the note to {@code payload}'s body and the property to its extended properties; nothing for an appointment. */
    static void keep(JsonNode event, ObjectNode payload) {
        if (!meeting(event)) {
            return;
        }
        ObjectNode value = JSON.createObjectNode();
        if (event.hasNonNull("organizer")) {
            value.set("organizer", event.get("organizer").deepCopy());
        }
        value.set("attendees", event.get("attendees").deepCopy());
        payload.withArray("singleValueExtendedProperties").addObject().put("id", PROPERTY).put("value", value.toString());
        ObjectNode body = payload.with("body");
        boolean html = "html".equalsIgnoreCase(body.path("contentType").asText("text"));
        String content = body.path("content").asText("");
        body.put("content", html ? beforeBodyEnd(content, "<div><hr><p>" + escape(line(event)) + "</p></div>")
                : content + (content.isEmpty() ? "" : "\n\n") + "--\n" + line(event));
        if (!body.has("contentType")) {
            body.put("contentType", "text");
        }
    }

    /** "Restored without its attendees, so no one was invited. Organizer: ...; attendees: ..." */
    static String line(JsonNode event) {
        List<String> people = new ArrayList<>();
        for (JsonNode a : event.path("attendees")) {
            String response = a.path("status").path("response").asText("none");
            people.add(person(a.path("emailAddress")) + " (" + a.path("type").asText("required")
                    + (response.equals("none") ? "" : ", " + response) + ")");
        }
        return "Restored by m365vault without its attendees, so no one was invited. Organizer: "
                + person(event.path("organizer").path("emailAddress")) + ". Attendees: " + String.join("; ", people) + ".";
    }

    private static String person(JsonNode address) {
        String name = address.path("name").asText("");
        String mail = address.path("address").asText("");
        return name.isEmpty() || name.equalsIgnoreCase(mail) ? mail : name + " <" + mail + ">";
    }

    private static String beforeBodyEnd(String html, String note) {
        int end = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        return end < 0 ? html + note : html.substring(0, end) + note + html.substring(end);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
