package io.m365vault.backup;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Every item of a Graph collection, following @odata.nextLink to the last page. */
final class Listing {
    private Listing() {
    }

    static List<JsonNode> all(GraphReader graph, String url) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        for (String next = url; next != null; ) {
            JsonNode page = graph.get(next);
            page.path("value").forEach(all::add);
            next = DeltaSync.text(page, "@odata.nextLink");
        }
        return all;
    }
}
