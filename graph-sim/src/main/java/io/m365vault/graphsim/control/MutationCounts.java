package io.m365vault.graphsim.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.Json;

/** How many items one mutation added, edited, moved and deleted. */
public final class MutationCounts {
    public int added;
    public int edited;
    public int moved;
    public int deleted;

    public ObjectNode json() {
        ObjectNode j = Json.obj();
        j.put("added", added);
        j.put("edited", edited);
        j.put("moved", moved);
        j.put("deleted", deleted);
        return j;
    }
}
