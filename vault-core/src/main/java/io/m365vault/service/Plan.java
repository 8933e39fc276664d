package io.m365vault.service;

import java.util.List;

/** What a run will back up, and what of the policy could not be found in the tenant. */
public record Plan(List<PlannedItem> items, List<String> warnings) {
    public Plan {
        items = List.copyOf(items);
        warnings = List.copyOf(warnings);
    }
}
