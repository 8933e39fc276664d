package io.m365vault.testkit.strict;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * One entity against "Understanding the Table service data model": at most 255 properties
 * (PartitionKey, RowKey and Timestamp included), names of at most 255 characters, a property
 * value of at most 64 KiB, all of it at most 1 MiB, and valid keys.
 *
 * <p>The size of an entity is reckoned the way Microsoft's billing note describes it: 4 bytes,
 * plus the keys in UTF-16, plus per property 8 bytes, its name in UTF-16 and its value (a
 * string 4 + 2 per char, binary 4 + its bytes, Int32 4, Int64/Double/DateTime 8, Guid 16,
 * Boolean 1).
 */
public final class EntityRules {
    public static final int MAX_PROPERTIES = 255;
    public static final int MAX_PROPERTY_BYTES = 64 * 1024;
    public static final int MAX_ENTITY_BYTES = 1024 * 1024;
    /** "Property names are case-sensitive strings up to 255 characters in size." */
    public static final int MAX_NAME_CHARS = 255;
    private static final int TIMESTAMP_BYTES = 8 + "Timestamp".length() * 2 + 8;

    private EntityRules() {
    }

    /**
     * Checks an entity as sent in a request body; {@code partitionKey}/{@code rowKey} are the
     * keys from the request URL (null for an insert, whose keys are in the body).
     */
    public static Optional<TableError> check(JsonNode entity, String partitionKey, String rowKey) {
        String pk = entity.hasNonNull("PartitionKey") ? entity.get("PartitionKey").asText() : partitionKey;
        String rk = entity.hasNonNull("RowKey") ? entity.get("RowKey").asText() : rowKey;
        for (Map.Entry<String, String> key : Map.of("PartitionKey", pk == null ? "" : pk, "RowKey", rk == null ? "" : rk).entrySet()) {
            Optional<TableError> bad = KeyRules.check(key.getKey(), key.getValue());
            if (bad.isPresent()) {
                return bad;
            }
        }
        int properties = 3; // PartitionKey, RowKey, Timestamp: always there
        long size = 4 + (pk == null ? 0 : pk.length() * 2L) + (rk == null ? 0 : rk.length() * 2L) + TIMESTAMP_BYTES;
        for (Iterator<Map.Entry<String, JsonNode>> it = entity.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            String name = p.getKey();
            if (name.contains("@") || name.startsWith("odata.")
                    || name.equals("PartitionKey") || name.equals("RowKey") || name.equals("Timestamp")) {
                continue;
            }
            properties++;
            if (name.length() > MAX_NAME_CHARS) {
                return Optional.of(new TableError("PropertyNameTooLong",
                        "The property name exceeds the maximum allowed length (255): " + name.length() + " characters."));
            }
            JsonNode type = entity.get(name + "@odata.type");
            long value = valueBytes(p.getValue(), type == null ? null : type.asText());
            if (value - 4 > MAX_PROPERTY_BYTES && (isString(p.getValue(), type) || isBinary(type))) {
                return Optional.of(new TableError("PropertyValueTooLarge", "The property value exceeds the maximum allowed size (64KB): "
                        + name + " is " + (value - 4) + " bytes. If the property value is a string, it is UTF-16 encoded and "
                        + "the maximum number of characters should be 32K or less."));
            }
            size += 8 + name.length() * 2L + value;
        }
        if (properties > MAX_PROPERTIES) {
            return Optional.of(new TableError("TooManyProperties",
                    "The entity contains more properties than allowed: " + properties + " (at most 255, PartitionKey, RowKey and Timestamp included)."));
        }
        if (size > MAX_ENTITY_BYTES) {
            return Optional.of(new TableError("EntityTooLarge",
                    "The entity is larger than the maximum size permitted: about " + size + " bytes (at most 1 MiB)."));
        }
        return Optional.empty();
    }

    private static boolean isString(JsonNode value, JsonNode type) {
        return value.isTextual() && (type == null || type.asText().equals("Edm.String"));
    }

    private static boolean isBinary(JsonNode type) {
        return type != null && type.asText().equals("Edm.Binary");
    }

    private static long valueBytes(JsonNode value, String type) {
        if (type != null) {
            switch (type) {
                case "Edm.Binary":
                    return 4 + Base64.getDecoder().decode(value.asText()).length;
                case "Edm.Int64":
                case "Edm.Double":
                case "Edm.DateTime":
                    return 8;
                case "Edm.Guid":
                    return 16;
                case "Edm.Int32":
                    return 4;
                case "Edm.Boolean":
                    return 1;
                default:
                    break;
            }
        }
        if (value.isTextual()) {
            return 4 + value.asText().length() * 2L;
        }
        if (value.isBoolean()) {
            return 1;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return 4;
        }
        return 8;
    }
}
