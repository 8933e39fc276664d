package io.m365vault.backup;

/**
 * Choices an administrator makes about what a backup covers: hidden mail folders, and how many
 * versions before its current one each file keeps ({@code files.versions} of VAULT_POLICY).
 */
public record BackupOptions(boolean includeHiddenFolders, int fileVersions) {
    public static final BackupOptions DEFAULTS = new BackupOptions(false, 0);

    public BackupOptions(boolean includeHiddenFolders) {
        this(includeHiddenFolders, 0);
    }

    public BackupOptions withFileVersions(int n) {
        return new BackupOptions(includeHiddenFolders, n);
    }
}
