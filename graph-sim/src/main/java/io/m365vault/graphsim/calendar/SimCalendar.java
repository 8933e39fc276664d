package io.m365vault.graphsim.calendar;

import java.util.TreeMap;

/** One calendar of a mailbox and its stored events (tombstones included, for delta), sorted by id. */
public final class SimCalendar {
    public final String id;
    public final String name;
    public final boolean isDefault;
    public final String color;
    public final TreeMap<String, EventItem> events = new TreeMap<>();

    public SimCalendar(String id, String name, boolean isDefault, String color) {
        this.id = id;
        this.name = name;
        this.isDefault = isDefault;
        this.color = color;
    }
}
