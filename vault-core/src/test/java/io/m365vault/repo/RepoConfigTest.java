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
    void aVersionOneRepositoryIsRefusedInOneLine() {
        assertEquals(2, RepoConfig.fromJson("r", JSON.getBytes()).version());
        byte[] v1 = JSON.replace("\"version\" : 2", "\"version\" : 1").getBytes();
        var e = assertThrows(RepositoryException.class, () -> RepoConfig.fromJson("r", v1));
        assertEquals("repository r has format version 1; this release reads version 2 only, and no version-1 repository"
                + " holds backups to migrate: create a new one with `vault init`", e.getMessage());
        byte[] v3 = JSON.replace("\"version\" : 2", "\"version\" : 3").getBytes();
        assertEquals("repository r has format version 3; this release reads version 2",
                assertThrows(RepositoryException.class, () -> RepoConfig.fromJson("r", v3)).getMessage());
    }

    @Test
    void chunkerParametersNoReleaseMakesAreCorrupt() {
        byte[] json = JSON.replace("\"max\" : 4194304", "\"max\" : 2147483647").getBytes();
        var e = assertThrows(RepositoryException.class, () -> RepoConfig.fromJson("r", json));
        assertEquals("the config blob of r has chunker parameters no release makes (corrupt): chunks are at most 4194304 bytes,"
                + " got a max of 2147483647", e.getMessage());
    }

    @Test
    void aPackSizeNoWriterMakesIsCorrupt() {
        for (int bad : new int[] {-1, 0, RepoConfig.MIN_PACK_SIZE - 1, RepoConfig.MAX_PACK_SIZE + 1}) {
            byte[] json = JSON.replace("\"packSize\" : 16777216", "\"packSize\" : " + bad).getBytes();
            var e = assertThrows(RepositoryException.class, () -> RepoConfig.fromJson("r", json), "" + bad);
            assertEquals("the config blob of r asks for packs of " + bad + " bytes; a pack's target is 65536 to 67108864 (corrupt)", e.getMessage());
        }
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
