package io.m365vault.graphsim.contacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.control.MutationCounts;
import io.m365vault.graphsim.control.WorkloadMutator;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.mail.MailMutator;
import io.m365vault.graphsim.model.Names;
import io.m365vault.graphsim.model.Rng;
import io.m365vault.graphsim.model.TenantModel;

import java.util.List;
import java.util.SplittableRandom;

/** Contacts change job titles, some are deleted, new ones are met. */
public final class ContactMutator implements WorkloadMutator {
    private final TenantModel tenant;

    public ContactMutator(TenantModel tenant) {
        this.tenant = tenant;
    }

    @Override
    public String kind() {
        return "contacts";
    }

    @Override
    public List<String> owners() {
        return new MailMutator(tenant).owners();
    }

    @Override
    public void mutate(String owner, SplittableRandom r, double fraction, MutationCounts counts) {
        ContactBook b = tenant.contacts(owner);
        synchronized (b) {
            List<ContactItem> all = b.live();
            for (ContactItem c : all) {
                if (r.nextDouble() >= fraction) {
                    continue;
                }
                if (r.nextInt(3) > 0) {
                    c.fields = c.fields.deepCopy();
                    c.fields.put("jobTitle", Rng.pick(r, Names.DEPARTMENTS) + " director");
                    b.edit(c);
                    counts.edited++;
                } else {
                    b.delete(c);
                    counts.deleted++;
                }
            }
            int adds = (int) Math.round(all.size() * fraction);
            for (int i = 0; i < adds; i++) {
                ObjectNode f = Json.obj();
                String given = Rng.pick(r, Names.GIVEN);
                f.put("givenName", given);
                f.put("displayName", given + " " + Rng.pick(r, Names.FAMILY));
                f.putArray("emailAddresses").addObject().put("address", given.toLowerCase() + r.nextInt(1000) + "@new.example");
                b.create(b.defaultFolder, f);
                counts.added++;
            }
        }
    }
}
