package io.m365vault.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a path lies inside a git work tree: a key file there is one `git add .` from being published. */
final class GitWorkTree {
    private GitWorkTree() {
    }

    /** The top of the work tree holding {@code file}, or null. A `.git` directory or file (a linked worktree) marks it, as for git. */
    static Path containing(Path file) {
        for (Path dir = file.toAbsolutePath().normalize().getParent(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        return null;
    }
}
