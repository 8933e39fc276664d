package io.m365vault.testkit.strict;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations of an entity group transaction: a {@code multipart/mixed} $batch holding one
 * changeset whose parts are HTTP requests ({@code PUT .../t(PartitionKey='a',RowKey='b')}
 * with a JSON body, or a POST of a new entity, or a DELETE).
 */
public final class BatchRequest {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";\\s]+)\"?", Pattern.CASE_INSENSITIVE);

    /** One operation: its method, its (decoded) URL path and its JSON body, "" when it has none. */
    public record Operation(String method, String path, String body) { }

    private BatchRequest() {
    }

    /** The operations of every changeset in the batch, in order. */
    public static List<Operation> parse(String contentType, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        List<Operation> ops = new ArrayList<>();
        for (String part : parts(text, boundary(contentType))) {
            String[] headAndRest = split(part);
            Matcher inner = BOUNDARY.matcher(headAndRest[0]);
            if (headAndRest[0].toLowerCase().contains("multipart/mixed") && inner.find()) {
                for (String op : parts(headAndRest[1], inner.group(1))) {
                    ops.add(operation(split(op)[1]));
                }
            } else if (headAndRest[0].toLowerCase().contains("application/http")) {
                ops.add(operation(headAndRest[1]));
            }
        }
        return ops;
    }

    static String boundary(String contentType) {
        Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!m.find()) {
            throw new IllegalArgumentException("no boundary in " + contentType);
        }
        return m.group(1);
    }

    /** The parts between {@code --boundary} lines, up to {@code --boundary--}. */
    private static List<String> parts(String text, String boundary) {
        List<String> parts = new ArrayList<>();
        String delimiter = "--" + boundary;
        int at = text.indexOf(delimiter);
        while (at >= 0) {
            int start = at + delimiter.length();
            if (text.startsWith("--", start)) {
                break;
            }
            int next = text.indexOf(delimiter, start);
            parts.add(text.substring(start, next < 0 ? text.length() : next).replaceFirst("^\r?\n", ""));
            at = next;
        }
        return parts;
    }

    /** A MIME entity's headers and its content, split at the first empty line. */
    private static String[] split(String entity) {
        Matcher m = Pattern.compile("\r?\n\r?\n").matcher(entity);
        if (!m.find()) {
            return new String[] {entity, ""};
        }
        return new String[] {entity.substring(0, m.start()), entity.substring(m.end())};
    }

    private static Operation operation(String http) {
        String[] headAndBody = split(http);
        String requestLine = headAndBody[0].split("\r?\n", 2)[0].trim();
        String[] words = requestLine.split(" ");
        String url = words.length > 1 ? words[1] : "";
        String path = url.replaceFirst("^[a-zA-Z]+://[^/]+", "");
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        return new Operation(words[0], Percent.decode(path), headAndBody[1].trim());
    }
}
