package io.m365vault.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.restore.SearchScope;
import io.m365vault.service.InvalidRequestException;
import io.m365vault.service.RestoreRequest;
import picocli.CommandLine.Option;

/** The search options of `vault export` and `vault restore`: the request's {@code filters}, read by the same rules. */
final class SearchOptions {
    @Option(names = "--subject", paramLabel = "TEXT", description = "only messages and events whose subject holds TEXT (any case)")
    String subject;

    @Option(names = "--from", paramLabel = "TEXT", description = "only messages whose sender, events whose organizer, has TEXT in address or name")
    String from;

    @Option(names = "--name", paramLabel = "TEXT", description = "only files, contacts, list items and pages whose name holds TEXT")
    String name;

    @Option(names = "--after", paramLabel = "DAY|TIME", description = "only items dated then or later (received, event start, file"
            + " modified): 2026-11-25 or 2026-11-25T10:00:00Z")
    String after;

    @Option(names = "--before", paramLabel = "DAY|TIME", description = "only items dated earlier than this")
    String before;

    /** The {@code filters} object, or null when no option is given. */
    ObjectNode json() {
        if (subject == null && from == null && name == null && after == null && before == null) {
            return null;
        }
        ObjectNode f = new ObjectMapper().createObjectNode();
        f.put("subject", subject).put("from", from).put("name", name).put("after", after).put("before", before);
        return f;
    }

    /** The search, checked as the HTTP API checks it. @throws IllegalArgumentException one line */
    SearchScope scope() {
        try {
            return RestoreRequest.filters(json());
        } catch (InvalidRequestException e) {
            throw new IllegalArgumentException(e.getMessage().replace("restore request.filters.", "--").replace("restore request.filters: ", ""));
        }
    }
}
