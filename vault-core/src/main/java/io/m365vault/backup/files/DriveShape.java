package io.m365vault.backup.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.ItemShape;
import io.m365vault.backup.Json;

/** A drive: the top of its tree, a new version when renamed; its quota, which moves with every file, is left out. */
final class DriveShape implements ItemShape {
    @Override
    public String kind() {
        return ItemKind.DRIVE;
    }

    @Override
    public boolean removed(JsonNode item) {
        return false;
    }

    @Override
    public String version(JsonNode item) {
        return Json.fields(item, "name", "driveType", "webUrl");
    }

    @Override
    public JsonNode metadata(JsonNode item) {
        ObjectNode copy = ((ObjectNode) item).deepCopy();
        copy.remove("quota");
        return copy;
    }
}
