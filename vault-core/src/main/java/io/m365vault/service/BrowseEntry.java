package io.m365vault.service;

import java.time.Instant;

/**
 * One line of a browse: a workload (at the top), a folder, or an item version, with its name
 * from its Graph JSON, its size, and since when (and until when, if no longer current) it holds.
 */
public record BrowseEntry(String id, String kind, String name, boolean container, long size, Instant validFrom,
                          Instant validTo) { }
