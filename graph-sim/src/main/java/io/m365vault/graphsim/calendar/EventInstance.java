package io.m365vault.graphsim.calendar;

import io.m365vault.graphsim.model.Tracked;

import java.time.LocalDateTime;

/**
 * One event as a calendar view shows it: a single instance, an occurrence expanded from its
 * master, or an exception. {@code deleted} also covers an instance that left the view's window.
 */
public record EventInstance(String id, long seq, boolean deleted, EventItem source, String type,
                            LocalDateTime start, LocalDateTime originalStart) implements Tracked {
}
