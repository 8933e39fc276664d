package io.m365vault.testkit.strict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Table service's documented limits: filters of at most 15 comparisons, entities within
 * the data model's limits, and entity group transactions ("Performing entity group
 * transactions") of at most 100 operations and 4 MiB, all of one partition, each entity once.
 */
public final class TableRules implements Rules {
    public static final int MAX_BATCH_OPERATIONS = 100;
    public static final int MAX_BATCH_BYTES = 4 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code /account/table(PartitionKey='a',RowKey='b')}; a quote inside a key is doubled. */
    private static final Pattern KEYS = Pattern.compile("/([^/(]+)\\(PartitionKey='((?:[^']|'')*)',RowKey='((?:[^']|'')*)'\\)$");
    private static final Pattern INSERT = Pattern.compile("/[^/]+/([^/(]+)(?:\\(\\))?$");

    @Override
    public Optional<Refusal> check(StrictRequest request) {
        String filter = request.query().get("$filter");
        if (filter != null && FilterComparisons.count(filter) > FilterComparisons.MAX) {
            // Undocumented as a code; InvalidInput is the service's 400 for a request input it rejects.
            return Optional.of(Refusal.json(400, "InvalidInput", "One of the request inputs is not valid: the $filter holds "
                    + FilterComparisons.count(filter) + " discrete comparisons, more than the 15 permitted."));
        }
        String method = request.method();
        String path = request.path();
        if (method.equals("POST") && path.endsWith("/$batch")) {
            return batch(request);
        }
        if (!(method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("MERGE"))) {
            return Optional.empty();
        }
        if (path.endsWith("/Tables") || path.endsWith("/Tables()")) {
            return Optional.empty();
        }
        Matcher keys = KEYS.matcher(path);
        Optional<TableError> error;
        if (keys.find()) {
            error = entity(request.body(), unquote(keys.group(2)), unquote(keys.group(3)));
        } else if (method.equals("POST") && INSERT.matcher(path).find()) {
            error = entity(request.body(), null, null);
        } else {
            return Optional.empty();
        }
        return error.map(TableError::refusal);
    }

    private Optional<Refusal> batch(StrictRequest request) {
        if (request.contentLength() > MAX_BATCH_BYTES || request.body().length > MAX_BATCH_BYTES) {
            return Optional.of(Refusal.json(413, "RequestBodyTooLarge", "The request body is too large and exceeds the maximum "
                    + "permissible limit: " + request.body().length + " bytes in an entity group transaction (at most 4 MiB)."));
        }
        List<BatchRequest.Operation> ops = BatchRequest.parse(request.header("Content-Type"), request.body());
        if (ops.size() > MAX_BATCH_OPERATIONS) {
            return Optional.of(inBatch(MAX_BATCH_OPERATIONS, new TableError("InvalidInput",
                    "The batch request operation exceeds the maximum 100 changes per change set (" + ops.size() + ").")));
        }
        String partition = null;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ops.size(); i++) {
            BatchRequest.Operation op = ops.get(i);
            String pk;
            String rk;
            JsonNode body = op.body().isEmpty() ? null : read(op.body().getBytes(StandardCharsets.UTF_8));
            Matcher keys = KEYS.matcher(op.path());
            if (keys.find()) {
                pk = unquote(keys.group(2));
                rk = unquote(keys.group(3));
            } else if (body != null) {
                pk = body.path("PartitionKey").asText("");
                rk = body.path("RowKey").asText("");
            } else {
                continue;
            }
            if (partition == null) {
                partition = pk;
            } else if (!partition.equals(pk)) {
                return Optional.of(inBatch(i, new TableError("CommandsInBatchActOnDifferentPartitions",
                        "All commands in a batch must operate on same entity group: PartitionKey '" + pk + "' after '" + partition + "'.")));
            }
            if (!seen.add(rk)) {
                return Optional.of(inBatch(i, new TableError("InvalidDuplicateRow",
                        "A command with RowKey '" + rk + "' is already present in the batch. An entity can appear only once in a batch.")));
            }
            Optional<TableError> bad = body == null ? KeyRules.check("PartitionKey", pk).or(() -> KeyRules.check("RowKey", rk))
                    : EntityRules.check(body, pk, rk);
            if (bad.isPresent()) {
                return Optional.of(inBatch(i, bad.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<TableError> entity(byte[] body, String pk, String rk) {
        if (body.length == 0) {
            return Optional.empty();
        }
        return EntityRules.check(read(body), pk, rk);
    }

    /**
     * How Azure answers a transaction with a bad operation: 202 Accepted around a changeset
     * response holding the failure, its message prefixed with the operation's index (the SDK
     * reads that index to name the failed action).
     */
    static Refusal inBatch(int index, TableError error) {
        String batch = "batchresponse_" + UUID.randomUUID();
        String changeset = "changesetresponse_" + UUID.randomUUID();
        String body = "--" + batch + "\r\n"
                + "Content-Type: multipart/mixed; boundary=" + changeset + "\r\n\r\n"
                + "--" + changeset + "\r\n"
                + "Content-Type: application/http\r\n"
                + "Content-Transfer-Encoding: binary\r\n\r\n"
                + "HTTP/1.1 400 Bad Request\r\n"
                + "X-Content-Type-Options: nosniff\r\n"
                + "Cache-Control: no-cache\r\n"
                + "DataServiceVersion: 3.0;\r\n"
                + "Content-Type: application/json;odata=minimalmetadata;streaming=true;charset=utf-8\r\n\r\n"
                + Refusal.odataError(error.code(), index + ":" + error.message()) + "\r\n"
                + "--" + changeset + "--\r\n"
                + "--" + batch + "--\r\n";
        return new Refusal(202, error.code(), Map.of("Content-Type", "multipart/mixed; boundary=" + batch),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unquote(String key) {
        return key.replace("''", "'");
    }
}
