package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.Json;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.graph.GraphStatusException;
import io.m365vault.graph.TenantGraph;
import java.io.IOException;
import java.util.Map;

/**
 * The pre-checks of a restore into the tenant, each one cheap GET made before anything is
 * written, each failing with one line: the target has no mailbox or drive (and whether that is
 * for want of a licence, as Graph's 404 {@code MailboxNotEnabledForRESTAPI} or "mysite not found"
 * does not say), the drive's {@code quota.remaining} is less than the bytes to restore, or Graph
 * refuses the app the target (403, which an application access policy gives for a mailbox the app
 * is not allowed). A write permission the app lacks while it may read is only seen at the first write.
 */
final class TargetChecks {
    private final TenantGraph graph;
    private final RestoreRun run;

    TargetChecks(TenantGraph graph, RestoreRun run) {
        this.graph = graph;
        this.run = run;
    }

    /** The target mailbox answers {@code probe} (a path under {@code /users/{id}}). */
    void mailbox(String probe) throws IOException {
        try {
            graph.requests().getJson(run.mailbox() + probe, Map.of());
        } catch (GraphStatusException e) {
            if (e.status() == 404) {
                throw missing("Exchange Online mailbox", "Exchange Online", e);
            }
            throw run.refusal(e);
        }
    }

    /**
     * The drive at {@code path} ({@code /drives/{id}} or a user's, site's or group's {@code /drive})
     * answers and has room for {@code bytes}; returns its id.
     */
    String drive(ProtectedItem target, String path, long bytes) throws IOException {
        JsonNode d;
        try {
            d = graph.requests().getJson(path + "?$select=id,quota", Map.of());
        } catch (GraphStatusException e) {
            if (e.status() == 404 && "user".equals(target.kind())) {
                throw missing("OneDrive", "SharePoint (OneDrive)", e);
            }
            throw run.refusal(e);
        }
        JsonNode remaining = d.path("quota").path("remaining");
        // Graph may leave quota out (or send it without remaining): then there is nothing to check against.
        if ((remaining.isIntegralNumber() && remaining.asLong() < bytes) || "exceeded".equals(d.path("quota").path("state").asText())) {
            throw new RestoreRefusedException("the drive of " + target + " has " + remaining.asLong() + " bytes free (quota.remaining of "
                    + d.path("quota").path("total").asLong() + ") and the files to restore take " + bytes
                    + ": free space there, or restore less (a path or filters)");
        }
        return d.path("id").asText();
    }

    /** The target site answers: lists and pages go into a site. */
    void site() throws IOException {
        run.answer("/sites/" + Json.seg(run.target().id()) + "?$select=id");
    }

    /** The line for a target without the mailbox or OneDrive: not in the tenant, no licence at all, or one without that service. */
    private RestoreRefusedException missing(String what, String service, GraphStatusException e) throws IOException {
        ProtectedItem target = run.target();
        JsonNode user;
        try {
            user = graph.requests().getJson("/users/" + Json.seg(target.id()) + "?$select=id,assignedLicenses", Map.of());
        } catch (GraphStatusException gone) {
            return new RestoreRefusedException(target + " is not in the tenant (" + gone.status() + " " + gone.code() + ")");
        }
        String answer = " (" + e.status() + " " + e.code() + ")";
        if (user.path("assignedLicenses").isEmpty()) {
            return new RestoreRefusedException(target + " has no licence, so no " + what + answer + ": assign one with " + service
                    + " and restore again");
        }
        return new RestoreRefusedException(target + " has no " + what + answer + ": its licence lacks " + service
                + (what.equals("OneDrive") ? ", or its OneDrive was never made (it is made at first sign-in)" : ", or the mailbox is inactive or on-premises"));
    }
}
