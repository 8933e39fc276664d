package io.m365vault.testkit.faults;

import io.m365vault.testkit.strict.BatchRequest;
import io.m365vault.testkit.strict.StrictRequest;
import java.util.List;
import java.util.Locale;

/** The kinds of storage call a repository makes, told apart by method, path and (for a $batch) its first operation. */
public enum CallKind {
    PACK_UPLOAD, BLOB_WRITE, BLOB_READ, INDEX_WRITE, CATALOG_WRITE, STATE_WRITE, TABLE_READ, QUEUE, OTHER;

    /** The storage service a proxy stands in front of. */
    public enum Service { BLOB, TABLE, QUEUE }

    static CallKind of(Service service, StrictRequest r) {
        return switch (service) {
            case QUEUE -> QUEUE;
            case BLOB -> blob(r);
            case TABLE -> table(r);
        };
    }

    private static CallKind blob(StrictRequest r) {
        boolean write = r.method().equals("PUT") || r.method().equals("DELETE");
        if (write && r.path().contains("/packs/")) {
            return PACK_UPLOAD;
        }
        return write ? BLOB_WRITE : r.method().equals("GET") || r.method().equals("HEAD") ? BLOB_READ : OTHER;
    }

    private static CallKind table(StrictRequest r) {
        String path = r.path();
        if (path.endsWith("/$batch")) {
            List<BatchRequest.Operation> ops = BatchRequest.parse(r.header("Content-Type"), r.body());
            return ops.isEmpty() ? OTHER : write(ops.get(0).path());
        }
        if (path.endsWith("/Tables") || path.contains("/Tables(")) {
            return OTHER;
        }
        return r.method().equals("GET") ? TABLE_READ : write(path);
    }

    /** A write to a repository table, by the table's suffix (Repository names them {@code <repo>chunks|catalog|state}). */
    private static CallKind write(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        int paren = p.indexOf('(');
        String table = paren < 0 ? p : p.substring(0, paren);
        if (table.endsWith("chunks")) {
            return INDEX_WRITE;
        }
        if (table.endsWith("catalog")) {
            return CATALOG_WRITE;
        }
        return table.endsWith("state") ? STATE_WRITE : OTHER;
    }
}
