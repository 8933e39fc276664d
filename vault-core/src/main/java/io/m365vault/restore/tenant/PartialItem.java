package io.m365vault.restore.tenant;

import com.microsoft.kiota.HttpMethod;
import io.m365vault.graph.GraphRequests;
import io.m365vault.graph.GraphStatusException;
import java.io.IOException;

/**
 * An item created whose later writes failed (an attachment, a series' exception, a photo) is
 * removed again, so a failed item leaves nothing half-made: it is counted failed, and a re-run
 * (with skip-existing too) restores it whole instead of finding a partial copy there. The removal
 * is {@code permanentDelete}, which skips Deleted Items, so the copy does not surface there either.
 */
final class PartialItem {
    private PartialItem() {
    }

    /**
     * Removes {@code itemPath} and returns what to throw for {@code cause}: the cause itself when it
     * refuses the whole mailbox (the restore stops on it), else the cause's line with what became of
     * the copy.
     */
    static IOException removed(GraphRequests graph, String itemPath, Exception cause) {
        return undone(cause, () -> graph.send(HttpMethod.POST, itemPath + "/permanentDelete", null, null),
                "its partial copy was removed", "its partial copy " + itemPath + " could not be removed");
    }

    /** A write to take back: a removal, an upload session's cancel. */
    interface Undo {
        void run() throws IOException;
    }

    /**
     * Runs {@code undo} and returns what to throw for {@code cause}: the cause itself when it
     * refuses the whole target (the restore stops on it), else its line with {@code done} or, when
     * the undo failed too, {@code notDone} and why.
     */
    static IOException undone(Exception cause, Undo undo, String done, String notDone) {
        String note;
        try {
            undo.run();
            note = "; " + done;
        } catch (IOException | RuntimeException e) {
            note = "; " + notDone + " (" + e.getMessage() + ")";
        }
        if (cause instanceof GraphStatusException g && RestoreRun.stopsAll(g)) {
            return g;
        }
        return new IOException(cause.getMessage() + note, cause);
    }
}
