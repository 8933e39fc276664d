package io.m365vault.graphsim.calendar;

import io.m365vault.graphsim.control.MutationCounts;
import io.m365vault.graphsim.control.WorkloadMutator;
import io.m365vault.graphsim.mail.MailMutator;
import io.m365vault.graphsim.model.Ids;
import io.m365vault.graphsim.model.Names;
import io.m365vault.graphsim.model.Rng;
import io.m365vault.graphsim.model.SimClock;
import io.m365vault.graphsim.model.TenantModel;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Meetings are renamed or cancelled, one occurrence of a series moves or is cancelled, new meetings are booked. */
public final class EventMutator implements WorkloadMutator {
    private final TenantModel tenant;

    public EventMutator(TenantModel tenant) {
        this.tenant = tenant;
    }

    @Override
    public String kind() {
        return "events";
    }

    @Override
    public List<String> owners() {
        return new MailMutator(tenant).owners();
    }

    @Override
    public void mutate(String owner, SplittableRandom r, double fraction, MutationCounts counts) {
        CalendarBook b = tenant.calendars(owner);
        synchronized (b) {
            List<EventItem> all = new ArrayList<>();
            b.calendars.values().forEach(c -> all.addAll(b.listed(c)));
            for (EventItem e : all) {
                if (r.nextDouble() >= fraction) {
                    continue;
                }
                int op = r.nextInt(3);
                LocalDate upcoming = e.kind == EventItem.Kind.MASTER ? upcomingOccurrence(e, r) : null;
                if (upcoming != null && op == 0) {
                    EventItem ex = b.exception(e, upcoming);
                    ex.start = ex.start.plusHours(1);
                    ex.end = ex.end.plusHours(1);
                    ex.editableFields().put("subject", e.subject() + " (this one moved)");
                    if (upcoming.getDayOfMonth() % 3 == 0) {
                        // Some moved occurrences get a file of their own (chosen by date: the random sequence stays as it was).
                        List<EventAttachment> own = new ArrayList<>(ex.attachments);
                        own.add(EventAttachment.generated(Ids.outlook(tenant.seed(), "eventatt:" + ex.id() + ":moved"), "changes-" + upcoming + ".csv",
                                upcoming.toEpochDay(), 120));
                        ex.attachments = own;
                    }
                    counts.edited++;
                } else if (upcoming != null && op == 1) {
                    b.cancel(e, upcoming);
                    counts.deleted++;
                } else if (op < 2 || e.kind == EventItem.Kind.MASTER) {
                    String subject = e.subject().replaceFirst(" \\(updated\\)$", "") + " (updated)";
                    e.editableFields().put("subject", subject);
                    e.editableFields().with("location").put("displayName", Rng.pick(r, Names.CITIES) + " " + (100 + r.nextInt(400)));
                    b.edit(e);
                    counts.edited++;
                } else {
                    b.delete(e);
                    counts.deleted++;
                }
            }
            int adds = (int) Math.round(all.size() * fraction);
            EventGenerator gen = new EventGenerator(tenant, b);
            LocalDate today = LocalDate.ofInstant(SimClock.NOW, ZoneOffset.UTC);
            for (int i = 0; i < adds; i++) {
                String subject = "New " + Rng.pick(r, Names.WORDS) + " meeting";
                b.create(b.defaultCalendar, false, x -> {
                    x.setFields(gen.fields(r, subject));
                    x.zone = ZoneId.of("UTC");
                    x.start = today.plusDays(1 + r.nextInt(30)).atTime(8 + r.nextInt(9), 0);
                    x.end = x.start.plusMinutes(30);
                });
                counts.added++;
            }
        }
    }

    /** One upcoming plain occurrence of a series (not cancelled, not already changed), or null when none is left. */
    private static LocalDate upcomingOccurrence(EventItem master, SplittableRandom r) {
        LocalDate today = LocalDate.ofInstant(SimClock.NOW, master.zone);
        List<LocalDate> candidates = new ArrayList<>();
        for (LocalDate d : master.recurrence.dates(today.plusDays(60))) {
            if (!d.isBefore(today) && !master.cancelled.containsKey(d) && !master.exceptions.containsKey(d)) {
                candidates.add(d);
            }
        }
        return candidates.isEmpty() ? null : candidates.get(r.nextInt(candidates.size()));
    }
}
