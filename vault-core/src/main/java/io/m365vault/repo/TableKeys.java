package io.m365vault.repo;

import java.nio.charset.StandardCharsets;

/**
 * Table keys that say nothing of what they name. Graph ids, user GUIDs, UPNs and folder ids must
 * not be readable in the storage account, and table keys may not hold '/', '\', '#', '?' or
 * control characters, which Graph ids do: a key is the repository's keyed HMAC of the name
 * (128 bits, hex), and the name itself is kept sealed in the row.
 */
public final class TableKeys {
    /** Hex characters of a hidden key: 128 bits. */
    public static final int LENGTH = 32;
    private static final byte[] DOMAIN = "m365vault table key\n".getBytes(StandardCharsets.UTF_8);

    private TableKeys() {
    }

    /** The key standing for {@code name} in a table or a blob name; the same name gives the same key. */
    public static String hidden(RepoKeys keys, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] in = new byte[DOMAIN.length + n.length];
        System.arraycopy(DOMAIN, 0, in, 0, DOMAIN.length);
        System.arraycopy(n, 0, in, DOMAIN.length, n.length);
        return keys.chunkId(in, 0, in.length).hex().substring(0, LENGTH);
    }
}
