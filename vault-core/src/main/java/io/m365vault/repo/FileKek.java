package io.m365vault.repo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KEK kept in a local file: one line {@code m365vault-key-v1:<64 hex digits>} (256 random
 * bits). Text, so that it can be printed or kept in a password manager.
 */
public final class FileKek implements Kek {
    private static final Logger LOG = LoggerFactory.getLogger(FileKek.class);
    private static final String PREFIX = "m365vault-key-v1:";
    private static final HexFormat HEX = HexFormat.of();

    private final Path path;
    private final byte[] key;

    private FileKek(Path path, byte[] key) {
        this.path = path;
        this.key = key;
    }

    /**
     * Makes a new random key file readable by its owner only.
     *
     * @throws java.nio.file.FileAlreadyExistsException if the file exists: a key is never overwritten
     */
    public static FileKek create(Path path) throws IOException {
        byte[] key = new byte[SecretBox.KEY_SIZE];
        new SecureRandom().nextBytes(key);
        byte[] line = (PREFIX + HEX.formatHex(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        if (Files.getFileStore(path.toAbsolutePath().getParent()).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(
                    EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
        } else {
            Files.createFile(path);
        }
        Files.write(path, line);
        return new FileKek(path, key);
    }

    /** Reads a key file made by {@link #create}. */
    public static FileKek load(Path path) throws IOException {
        String text = Files.readString(path, StandardCharsets.US_ASCII).strip();
        if (!text.startsWith(PREFIX) || text.length() != PREFIX.length() + 2 * SecretBox.KEY_SIZE) {
            throw new IllegalArgumentException("VAULT_KEK: " + path + " is not an m365vault key file (expected one line "
                    + PREFIX + "<64 hex digits>)");
        }
        byte[] key;
        try {
            key = HEX.parseHex(text, PREFIX.length(), text.length());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("VAULT_KEK: " + path + " holds a key that is not hex digits");
        }
        warnIfOthersCanRead(path);
        return new FileKek(path, key);
    }

    private static void warnIfOthersCanRead(Path path) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(path);
            if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("key file {} is readable by group or others ({}); chmod 600 it",
                        path, PosixFilePermissions.toString(p));
            }
        }
    }

    @Override
    public String kind() {
        return "file";
    }

    @Override
    public byte[] wrap(byte[] plain) {
        return SecretBox.seal(key, plain);
    }

    @Override
    public byte[] unwrap(byte[] wrapped) {
        return SecretBox.open(key, wrapped);
    }

    /** A key file has one version: what wrapped is the file itself. */
    @Override
    public String wrappedBy(byte[] wrapped) {
        return "key file " + path;
    }

    @Override
    public String describe() {
        return "file:" + path;
    }
}
