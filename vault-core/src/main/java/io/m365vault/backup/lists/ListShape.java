package io.m365vault.backup.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.ItemShape;
import io.m365vault.backup.Json;
import java.nio.charset.StandardCharsets;

/**
 * A list with its schema: the list JSON carrying its {@code columns} and {@code contentTypes}. A
 * new version when the name, description or schema changes; not when its items do, which moves
 * {@code lastModifiedDateTime} and the eTag.
 */
final class ListShape implements ItemShape {
    @Override
    public String kind() {
        return ItemKind.LIST;
    }

    @Override
    public boolean removed(JsonNode item) {
        return false;
    }

    @Override
    public String version(JsonNode item) {
        ObjectNode schema = ((ObjectNode) item).deepCopy();
        schema.remove("lastModifiedDateTime");
        schema.remove("@odata.etag");
        schema.remove("eTag");
        return new String(Json.bytes(schema), StandardCharsets.UTF_8);
    }
}
