package io.m365vault.graphsim.control;

import io.m365vault.graphsim.SimConfig;
import io.m365vault.graphsim.drive.Drive;
import io.m365vault.graphsim.drive.DriveItem;
import io.m365vault.graphsim.drive.FileContent;
import io.m365vault.graphsim.mail.MailFolder;
import io.m365vault.graphsim.mail.MailItem;
import io.m365vault.graphsim.mail.Mailbox;
import io.m365vault.graphsim.mail.MimeSource;
import io.m365vault.graphsim.model.TenantModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real data in: --mail-dir makes every file of a directory (recursively, in name order) the
 * unchanged MIME of a message in folder "Imported"; --drive-dir mirrors a tree into "Imported"
 * of a OneDrive. Files are read when served, not at start.
 */
public final class DirImporter {
    private DirImporter() {
    }

    public static void run(TenantModel tenant, SimConfig c) {
        String firstUser = tenant.directory().user(0).id;
        if (c.mailDir != null) {
            importMail(tenant, c.mailDirUser == null ? firstUser : c.mailDirUser, c.mailDir);
        }
        if (c.driveDir != null) {
            importDrive(tenant, c.driveDirUser == null ? firstUser : c.driveDirUser, c.driveDir);
        }
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int importMail(TenantModel tenant, String user, Path dir) {
        List<Path> files = files(dir);
        Mailbox box = tenant.mailbox(user);
        synchronized (box) {
            MailFolder folder = box.createFolder(box.root(), "Imported");
            for (Path f : files) {
                MailItem m = box.create(folder, MimeSource.file(f));
                m.isRead = true;
            }
        }
        return files.size();
    }

    public static int importDrive(TenantModel tenant, String user, Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        Drive d = tenant.drive(tenant.userDriveId(user));
        int n = 0;
        synchronized (d) {
            DriveItem top = d.createFolder(d.root, d.freeName(d.root, "Imported", "rename"));
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted().toList()) {
                    if (p.equals(dir)) {
                        continue;
                    }
                    DriveItem parent = top;
                    Path rel = dir.relativize(p);
                    for (int i = 0; i < rel.getNameCount() - 1; i++) {
                        parent = d.child(parent, rel.getName(i).toString());
                    }
                    String name = rel.getFileName().toString();
                    if (Files.isDirectory(p)) {
                        d.createFolder(parent, name);
                    } else if (Files.isRegularFile(p)) {
                        d.writeFile(parent, name, new FileContent(p));
                        n++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return n;
    }
}
