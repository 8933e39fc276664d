package io.m365vault.repo;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.regex.Pattern;
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
    private static final Pattern KEY_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final int MAX_FILE = 1024;

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

    /**
     * Reads a key file made by {@link #create}.
     *
     * @throws IllegalArgumentException one line saying what is wrong and what a key file looks like
     */
    public static FileKek load(Path path) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            // A key file is 82 bytes: a larger file is not one, and is not read whole (it may be a disk image).
            head = in.readNBytes(MAX_FILE + 1);
        }
        String problem = problem(head);
        if (problem != null) {
            throw new IllegalArgumentException("VAULT_KEK: " + path + " is not an m365vault key file (" + problem
                    + "): a key file is one line " + PREFIX + "<64 hex digits> (256 random bits), as `vault init` makes it");
        }
        String hex = new String(head, StandardCharsets.US_ASCII).strip().substring(PREFIX.length());
        warnIfOthersCanRead(path);
        return new FileKek(path, HEX.parseHex(hex));
    }

    /** What keeps these bytes from being a key file, or null when they are one. */
    private static String problem(byte[] b) {
        if (b.length == 0) {
            return "it is empty";
        }
        if (b.length > MAX_FILE) {
            return "it is larger than " + MAX_FILE + " bytes";
        }
        for (byte c : b) {
            if ((c < 0x20 || c > 0x7e) && c != '\n' && c != '\r') {
                return "it is not a line of text";
            }
        }
        String text = new String(b, StandardCharsets.US_ASCII).strip();
        if (!text.startsWith(PREFIX)) {
            return "it does not start with " + PREFIX;
        }
        String hex = text.substring(PREFIX.length());
        if (!KEY_HEX.matcher(hex).matches()) {
            return "after the prefix come " + hex.length() + " characters, not 64 hex digits";
        }
        return null;
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
