package io.m365vault.backup.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;

/**
 * A single event or a series master, with its recurrence, exceptions and cancelled occurrences
 * (no content: the JSON is the event). A master's exceptions can change without its own
 * changeKey, so a master is compared whole.
 */
final class EventShape extends OutlookShape {
    EventShape() {
        super(ItemKind.EVENT);
    }

    @Override
    public String version(JsonNode item) {
        String key = changeKey(item);
        return key != null && !item.has("exceptionOccurrences") && !item.has("cancelledOccurrences") ? key : item.toString();
    }
}
