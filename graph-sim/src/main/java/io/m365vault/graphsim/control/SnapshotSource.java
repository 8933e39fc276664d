package io.m365vault.graphsim.control;

import com.fasterxml.jackson.databind.node.ArrayNode;

/** Lists one workload of one owner with a content hash per item, for tests to compare restores against. */
public interface SnapshotSource {
    String workload();

    /** Items of the owner (user id/UPN, or site id), or an empty array when the owner has none of this workload. */
    ArrayNode items(String owner);
}
