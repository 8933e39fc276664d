package io.m365vault.repo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code config} blob: format version, repository id, the key blob's id, pack target size and
 * the chunker parameters (kept here so a later release with other defaults still deduplicates
 * against what is stored). No secrets.
 */
public record RepoConfig(int version, String repositoryId, String keyId, int packSize,
                         ChunkerParams small, ChunkerParams files) {
    /** 2: chunk records and pack headers under keys derived with the salts they carry (see {@link RepoKeys}); nothing was ever stored in 1. */
    public static final int VERSION = 2;
    public static final int DEFAULT_PACK_SIZE = 16 << 20;
    /** The pack target sizes a config may ask for; readers refuse packs beyond the largest (see {@link PackReader}). */
    public static final int MIN_PACK_SIZE = 64 << 10;
    public static final int MAX_PACK_SIZE = 64 << 20;
    /** The most a config blob may hold; one is about 300 bytes. Checked before parsing. */
    public static final int MAX_BYTES = 64 << 10;
    /** What {@link RepoKeys#id} makes; the key blob's name is built from it, so nothing else is taken. */
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static RepoConfig create(String keyId) {
        return new RepoConfig(VERSION, UUID.randomUUID().toString(), keyId, DEFAULT_PACK_SIZE,
                ChunkerParams.SMALL, ChunkerParams.FILES);
    }

    /** The chunker parameters of a workload, as this repository fixed them. */
    public ChunkerParams chunker(String workload) {
        return ChunkerParams.forWorkload(workload).equals(ChunkerParams.FILES) ? files : small;
    }

    public byte[] toJson() {
        ObjectNode n = JSON.createObjectNode()
                .put("version", version).put("repositoryId", repositoryId).put("keyId", keyId).put("packSize", packSize);
        n.set("chunkerSmall", params(small));
        n.set("chunkerFiles", params(files));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RepoConfig fromJson(String where, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new RepositoryException("the config blob of " + where + " is " + bytes.length
                    + " bytes, more than a config holds (" + MAX_BYTES + "; corrupt)");
        }
        JsonNode n;
        try {
            n = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new RepositoryException("the config blob of " + where + " is not valid JSON (corrupt): " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (n == null || !n.isObject()) {
            throw new RepositoryException("the config blob of " + where + " is not a JSON object (corrupt)");
        }
        int version = required(where, n, "version").asInt();
        if (version == 1) {
            throw new RepositoryException("repository " + where + " has format version 1; this release reads version "
                    + VERSION + " only, and no version-1 repository holds backups to migrate: create a new one with `vault init`");
        }
        if (version != VERSION) {
            throw new RepositoryException("repository " + where + " has format version " + version
                    + "; this release reads version " + VERSION);
        }
        String keyId = required(where, n, "keyId").asText();
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new RepositoryException("the config blob of " + where + " names key blob '"
                    + keyId.substring(0, Math.min(keyId.length(), 40)) + "', not 16 hex digits (corrupt)");
        }
        int packSize = required(where, n, "packSize").asInt();
        if (packSize < MIN_PACK_SIZE || packSize > MAX_PACK_SIZE) {
            throw new RepositoryException("the config blob of " + where + " asks for packs of " + packSize
                    + " bytes; a pack's target is " + MIN_PACK_SIZE + " to " + MAX_PACK_SIZE + " (corrupt)");
        }
        return new RepoConfig(version, required(where, n, "repositoryId").asText(), keyId, packSize,
                params(where, required(where, n, "chunkerSmall")), params(where, required(where, n, "chunkerFiles")));
    }

    private static JsonNode required(String where, JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new RepositoryException("the config blob of " + where + " lacks \"" + field + "\" (corrupt)");
        }
        return v;
    }

    private static ObjectNode params(ChunkerParams p) {
        return JSON.createObjectNode().put("min", p.min()).put("avg", p.avg()).put("max", p.max());
    }

    private static ChunkerParams params(String where, JsonNode n) {
        try {
            return new ChunkerParams(required(where, n, "min").asInt(), required(where, n, "avg").asInt(), required(where, n, "max").asInt());
        } catch (IllegalArgumentException e) {
            throw new RepositoryException("the config blob of " + where + " has chunker parameters no release makes (corrupt): " + e.getMessage());
        }
    }
}
