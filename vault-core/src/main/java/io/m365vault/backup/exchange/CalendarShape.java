package io.m365vault.backup.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;

/** A calendar; its events (and their attachments) close with it. */
final class CalendarShape extends OutlookShape {
    CalendarShape() {
        super(ItemKind.CALENDAR);
    }

    @Override
    public String version(JsonNode item) {
        String key = changeKey(item);
        return key != null ? key : item.toString();
    }
}
