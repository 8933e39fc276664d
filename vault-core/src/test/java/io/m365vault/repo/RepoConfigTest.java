package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RepoConfigTest {
    private static final String JSON = new String(RepoConfig.create("0123456789abcdef").toJson());

    @Test
    void roundTrips() {
        assertEquals("0123456789abcdef", RepoConfig.fromJson("r", JSON.getBytes()).keyId());
    }

    @Test
    void aSwollenConfigIsRefusedBeforeItIsParsed() {
        byte[] padded = JSON.replaceFirst("\\{", "{" + " ".repeat(RepoConfig.MAX_BYTES)).getBytes();
        var e = assertThrows(RepositoryException.class, () -> RepoConfig.fromJson("r", padded));
        assertEquals("the config blob of r is " + padded.length + " bytes, more than a config holds (65536; corrupt)", e.getMessage());
    }

    @Test
    void theKeyBlobIdIsTheShapeKeysMake() {
        for (String bad : new String[] {"../config", "0123456789ABCDEF", "0123", "x".repeat(5000)}) {
            byte[] json = JSON.replace("0123456789abcdef", bad).getBytes();
            var e = assertThrows(RepositoryException.class, () -> RepoConfig.fromJson("r", json), bad);
            assertEquals("the config blob of r names key blob '" + bad.substring(0, Math.min(bad.length(), 40))
                    + "', not 16 hex digits (corrupt)", e.getMessage());
        }
    }
}
