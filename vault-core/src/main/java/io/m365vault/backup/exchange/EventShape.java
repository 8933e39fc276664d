package io.m365vault.backup.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.ItemShape;

/**
 * A single event or a series master, with its recurrence, exceptions and cancelled occurrences
 * (no content: the JSON is the event). A master's exceptions can change without its own
 * changeKey, so a master is compared whole.
 */
final class EventShape implements ItemShape {
    @Override
    public String kind() {
        return ItemKind.EVENT;
    }

    @Override
    public boolean removed(JsonNode item) {
        return Outlook.removed(item);
    }

    @Override
    public String version(JsonNode item) {
        String key = Outlook.changeKey(item);
        return key != null && !item.has("exceptionOccurrences") && !item.has("cancelledOccurrences") ? key : item.toString();
    }
}
