package io.m365vault.testkit.strict;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What Azure would answer instead of Azurite: an HTTP status, the error code it documents and a
 * body in the service's own error format (XML for blobs and queues, OData JSON for tables).
 */
public record Refusal(int status, String code, Map<String, String> headers, byte[] body) {

    /** Blob and queue services: {@code <Error><Code>..</Code><Message>..</Message></Error>}. */
    public static Refusal xml(int status, String code, String message) {
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + code + "</Code><Message>"
                + escapeXml(message + "\nRequestId:strict-limits") + "</Message></Error>";
        return new Refusal(status, code, Map.of("Content-Type", "application/xml", "x-ms-error-code", code),
                xml.getBytes(StandardCharsets.UTF_8));
    }

    /** Table service: {@code {"odata.error":{"code":..,"message":{"lang":"en-US","value":..}}}}. */
    public static Refusal json(int status, String code, String message) {
        return new Refusal(status, code, Map.of("Content-Type", "application/json;odata=minimalmetadata;streaming=true;charset=utf-8",
                "x-ms-error-code", code), odataError(code, message).getBytes(StandardCharsets.UTF_8));
    }

    static String odataError(String code, String message) {
        return "{\"odata.error\":{\"code\":\"" + code + "\",\"message\":{\"lang\":\"en-US\",\"value\":\""
                + escapeJson(message) + "\"}}}";
    }

    private static String escapeXml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String escapeJson(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
