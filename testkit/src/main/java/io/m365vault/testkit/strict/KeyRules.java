package io.m365vault.testkit.strict;

import java.util.Optional;

/**
 * PartitionKey and RowKey values as "Understanding the Table service data model" allows them: a
 * string of up to 1 KiB, without {@code / \ # ?} or control characters (U+0000 to U+001F,
 * U+007F to U+009F).
 */
public final class KeyRules {
    /** 1 KiB, counted as the service stores strings: UTF-16, two bytes a char. */
    public static final int MAX_BYTES = 1024;

    private KeyRules() {
    }

    /** The refusal's code and message for a bad key, empty for a good one. */
    public static Optional<TableError> check(String property, String value) {
        if (value.length() * 2 > MAX_BYTES) {
            return Optional.of(new TableError("KeyValueTooLarge",
                    "The " + property + " value is larger than the maximum size permitted (1 KiB): " + value.length() + " UTF-16 chars."));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '\\' || c == '#' || c == '?' || c <= 0x1F || (c >= 0x7F && c <= 0x9F)) {
                // Azure answers OutOfRangeInput for these (seen for '?' in a PartitionKey).
                return Optional.of(new TableError("OutOfRangeInput",
                        "The '" + property + "' parameter of value '" + value + "' is out of range: character U+"
                                + String.format("%04X", (int) c) + " at " + i + " is not allowed in a key."));
            }
        }
        return Optional.empty();
    }
}
