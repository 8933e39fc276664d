package io.m365vault.backup.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.ItemShape;

/** A calendar; its events (and theirs attachments) close with it. */
final class CalendarShape implements ItemShape {
    @Override
    public String kind() {
        return ItemKind.CALENDAR;
    }

    @Override
    public boolean removed(JsonNode item) {
        return Outlook.removed(item);
    }

    @Override
    public String version(JsonNode item) {
        String key = Outlook.changeKey(item);
        return key != null ? key : item.toString();
    }
}
