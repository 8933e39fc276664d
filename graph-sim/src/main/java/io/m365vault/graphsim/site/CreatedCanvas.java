package io.m365vault.graphsim.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Json;

import java.util.regex.Pattern;

/**
 * The canvasLayout of a page a client creates, checked as Graph takes it: horizontal sections of
 * columns (and an optional vertical section) of web parts, each a textWebPart (innerHtml) or a
 * standardWebPart whose webPartType is a GUID; any other web part is refused with 400 invalidRequest.
 */
public final class CreatedCanvas {
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private CreatedCanvas() {
    }

    /** The canvas as given, or an empty one for none. */
    public static ObjectNode of(JsonNode canvas) {
        if (canvas == null || canvas.isNull() || canvas.isMissingNode()) {
            return Json.obj().set("horizontalSections", Json.arr());
        }
        if (!canvas.isObject()) {
            throw GraphError.badRequest("invalidRequest", "canvasLayout must be an object.");
        }
        for (JsonNode section : canvas.path("horizontalSections")) {
            for (JsonNode column : section.path("columns")) {
                column.path("webparts").forEach(CreatedCanvas::check);
            }
        }
        canvas.path("verticalSection").path("webparts").forEach(CreatedCanvas::check);
        return ((ObjectNode) canvas).deepCopy();
    }

    private static void check(JsonNode webPart) {
        String type = webPart.path("@odata.type").asText("");
        boolean text = type.equals("#microsoft.graph.textWebPart") || type.isEmpty() && webPart.has("innerHtml");
        boolean standard = (type.equals("#microsoft.graph.standardWebPart") || type.isEmpty() && webPart.has("webPartType"))
                && GUID.matcher(webPart.path("webPartType").asText("")).matches();
        if (!text && !standard) {
            throw GraphError.badRequest("invalidRequest", "Web part " + webPart.path("id").asText("?") + " of type "
                    + (type.isEmpty() ? webPart.path("webPartType").asText("(none)") : type) + " cannot be created.");
        }
    }
}
