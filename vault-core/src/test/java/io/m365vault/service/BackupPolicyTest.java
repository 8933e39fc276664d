package io.m365vault.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackupPolicyTest {
    @Test
    void filesKeepAsManyEarlierVersionsAsAsked() {
        assertEquals(0, BackupPolicy.parse("{\"files\":\"all\"}").fileVersions());
        assertEquals(0, BackupPolicy.parse("{\"mail\":\"all\"}").fileVersions());
        assertEquals(3, BackupPolicy.parse("{\"files\":{\"mode\":\"all\",\"versions\":3}}").fileVersions());
        for (String[] bad : new String[][] {
                {"{\"files\":{\"mode\":\"all\",\"versions\":-1}}", "files.versions must be a whole number"},
                {"{\"files\":{\"mode\":\"all\",\"versions\":1.5}}", "files.versions must be a whole number"},
                {"{\"files\":{\"mode\":\"all\",\"versions\":\"3\"}}", "files.versions must be a whole number"},
                {"{\"mail\":{\"mode\":\"all\",\"versions\":3}}", "mail has unknown field 'versions'"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BackupPolicy.parse(bad[0]), bad[0]);
            assertTrue(e.getMessage().contains(bad[1]), e.getMessage());
        }
    }
}
