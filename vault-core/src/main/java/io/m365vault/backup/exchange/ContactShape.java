package io.m365vault.backup.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.Json;

/**
 * A contact: its JSON, and its photo as content. Graph says nothing of a photo's change but the
 * contact's changeKey, so a new version fetches the photo again; 404 means it has none.
 */
final class ContactShape extends OutlookShape {
    private final String base;

    ContactShape(String base) {
        super(ItemKind.CONTACT);
        this.base = base;
    }

    @Override
    public String version(JsonNode item) {
        return changeKey(item);
    }

    @Override
    public String contentTag(JsonNode item) {
        return changeKey(item);
    }

    @Override
    public String contentPath(JsonNode item) {
        return base + "/contacts/" + Json.seg(id(item)) + "/photo/$value";
    }

    @Override
    public boolean emptyWhenNotFound() {
        return true;
    }

    @Override
    public String itemPath(String id) {
        return base + "/contacts/" + Json.seg(id);
    }
}
