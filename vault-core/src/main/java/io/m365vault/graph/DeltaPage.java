package io.m365vault.graph;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One page of a delta round or listing. Exactly one of {@code nextLink} (more pages follow) and
 * {@code deltaLink} (the round is done; keep it for the next run; empty for a listing) is set.
 * Items may be empty and may repeat items of earlier pages.
 *
 * @param number 1 for the first page of this run
 */
public record DeltaPage(List<JsonNode> items, String nextLink, String deltaLink, int number) {

    /** The link to store as the checkpoint once this page's items are durable. */
    public String resumeLink() {
        return nextLink != null ? nextLink : deltaLink;
    }

    public boolean last() {
        return deltaLink != null;
    }
}
