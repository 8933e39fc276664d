package io.m365vault.backup;

/** Choices an administrator makes about what a backup covers. */
public record BackupOptions(boolean includeHiddenFolders) {
    public static final BackupOptions DEFAULTS = new BackupOptions(false);
}
