package io.m365vault.service;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Where and why a JSON text breaks, in one line for whoever wrote it (a setting, a request body):
 * Jackson's own message names character codes and its input sources, which help nobody.
 */
final class JsonSyntax {
    private JsonSyntax() {
    }

    /** e.g. {@code line 1, column 35: it ends too soon: expected closing quote for a string value} */
    static String describe(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        if (m.startsWith("Trailing token") || m.contains("(for root starting at")) {
            return where(e) + "more follows the end of the JSON value";
        }
        m = m.lines().findFirst().orElse("")
                .replaceAll("\\(for (Array|Object) starting at \\[Source:.*?line: (\\d+), column: (\\d+)\\]\\)", "(the $1 opened at line $2, column $3)")
                .replaceAll("\\s*\\[Source:.*$", "")
                .replaceAll(" \\(code \\d+\\)", "")
                .replace("Unexpected end-of-input", "it ends too soon")
                .replace("was expecting", "expected")
                .strip();
        return where(e) + m;
    }

    private static String where(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
    }
}
