package io.m365vault.graphsim.model;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/** Ids shaped like the real service's: Outlook REST ids, directory GUIDs, drive and item ids, site ids. */
public final class Ids {
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private Ids() {
    }

    public static UUID uuid(long seed, String label) {
        ByteBuffer b = ByteBuffer.wrap(Rng.hash(seed, label));
        long hi = (b.getLong() & ~0xF000L) | 0x4000L;
        long lo = (b.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    /**
     * An Outlook item id: base64 with the "AAMk" prefix and '=' padding, about 150 characters.
     * Standard base64, so ids hold '/' and '+' as Outlook's REST ids do: a client must escape
     * them in paths.
     */
    public static String outlook(long seed, String label) {
        byte[] a = Rng.hash(seed, label);
        byte[] b = Rng.hash(seed, label + "#2");
        byte[] c = Rng.hash(seed, label + "#3");
        ByteBuffer buf = ByteBuffer.allocate(2 + 96);
        buf.put((byte) 0).put((byte) 0x3);
        buf.put(a).put(b).put(c);
        return "AAMkA" + B64.encodeToString(buf.array()).substring(2) + "AAA=";
    }

    /** A drive id: "b!" and 64 base64url characters. */
    public static String drive(long seed, String label) {
        byte[] a = Rng.hash(seed, label);
        byte[] b = Rng.hash(seed, label + "#2");
        ByteBuffer buf = ByteBuffer.allocate(48);
        buf.put(a).put(b, 0, 16);
        return "b!" + B64URL.encodeToString(buf.array());
    }

    /** A driveItem id: "01" and 32 base32 characters. */
    public static String driveItem(long seed, String label) {
        byte[] h = Rng.hash(seed, label);
        StringBuilder s = new StringBuilder("01");
        for (int i = 0; i < 32; i++) {
            s.append(BASE32[(h[i] & 0xFF) % 32]);
        }
        return s.toString();
    }

    /** A site id: host, site collection id, web id. */
    public static String site(String host, long seed, String label) {
        return host + "," + uuid(seed, label + "#site") + "," + uuid(seed, label + "#web");
    }

    public static String hex(byte[] b) {
        StringBuilder s = new StringBuilder(b.length * 2);
        for (byte x : b) {
            s.append(String.format(Locale.ROOT, "%02x", x));
        }
        return s.toString();
    }

    public static String b64url(byte[] b) {
        return B64URL.encodeToString(b);
    }
}
