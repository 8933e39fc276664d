package io.m365vault.graphsim.drive;

import io.m365vault.graphsim.control.MutationCounts;
import io.m365vault.graphsim.control.WorkloadMutator;
import io.m365vault.graphsim.model.Names;
import io.m365vault.graphsim.model.TenantModel;

import java.util.List;
import java.util.SplittableRandom;

/** A day in a drive: files saved again (new versions), filed elsewhere, deleted, new files added. */
public final class DriveMutator implements WorkloadMutator {
    private final TenantModel tenant;

    public DriveMutator(TenantModel tenant) {
        this.tenant = tenant;
    }

    @Override
    public String kind() {
        return "files";
    }

    @Override
    public List<String> owners() {
        return tenant.sites().driveIds();
    }

    @Override
    public void mutate(String driveId, SplittableRandom r, double fraction, MutationCounts counts) {
        Drive d = tenant.drive(driveId);
        synchronized (d) {
            List<DriveItem> files = d.liveFiles();
            List<DriveItem> folders = d.liveFolders();
            for (DriveItem f : files) {
                if (r.nextDouble() >= fraction) {
                    continue;
                }
                int op = r.nextInt(10);
                if (op < 5) {
                    long size = Math.max(0, f.size() + r.nextInt(20_000) - 5_000);
                    d.newVersion(f, new GeneratedContent(r.nextLong(), size, Drive.isText(f.name)));
                    counts.edited++;
                } else if (op < 7) {
                    DriveItem target = folders.get(r.nextInt(folders.size()));
                    if (target.id().equals(f.parentId)) {
                        target = d.root;
                    }
                    d.move(f, target, d.freeName(target, f.name, "rename"));
                    counts.moved++;
                } else {
                    d.delete(f);
                    counts.deleted++;
                }
            }
            int adds = (int) Math.round(files.size() * fraction);
            for (int i = 0; i < adds; i++) {
                DriveItem parent = folders.get(r.nextInt(folders.size()));
                String name = d.freeName(parent, Names.sentence(r, 2).replace(' ', '-') + ".txt", "rename");
                d.writeFile(parent, name, new GeneratedContent(r.nextLong(), 1 + r.nextInt(200_000), true));
                counts.added++;
            }
        }
    }
}
