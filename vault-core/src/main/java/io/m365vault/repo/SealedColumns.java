package io.m365vault.repo;

import com.azure.data.tables.models.TableEntity;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A sealed value spread over binary properties {@code s0, s1, ...} of at most 60,000 bytes each: a
 * table property holds 64 KiB, an entity 1 MiB and 255 properties.
 */
final class SealedColumns {
    static final int PART = 60_000;
    /** What a row's sealed value may take, leaving room for its keys and plain columns under the 1 MiB entity limit. */
    static final int MAX = 15 * PART;

    private SealedColumns() {
    }

    static void put(TableEntity entity, byte[] sealed) {
        if (sealed.length > MAX) {
            throw new RepositoryException("a sealed row of " + sealed.length + " bytes is beyond what one table entity holds (" + MAX + ")");
        }
        for (int i = 0, part = 0; i < sealed.length; i += PART, part++) {
            entity.addProperty("s" + part, Arrays.copyOfRange(sealed, i, Math.min(sealed.length, i + PART)));
        }
    }

    static byte[] get(TableEntity entity) {
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        for (int part = 0; part < MAX / PART && entity.getProperty("s" + part) instanceof byte[] b; part++) {
            sealed.writeBytes(b);
        }
        return sealed.toByteArray();
    }

    /** Bytes an entity of this sealed value takes in a transaction's payload, about (base64 on the wire). */
    static long wireBytes(byte[] sealed) {
        return sealed.length * 4L / 3 + 1024;
    }
}
