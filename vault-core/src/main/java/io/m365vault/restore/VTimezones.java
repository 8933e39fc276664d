package io.m365vault.restore;

import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.util.DateTimeComponents;
import biweekly.util.DayOfWeek;
import biweekly.util.Frequency;
import biweekly.util.Recurrence;
import biweekly.util.UtcOffset;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * VTIMEZONE components made from the JDK's time zone rules, so a calendar names its zones without
 * fetching definitions from anywhere: the zone's current yearly rules as STANDARD and DAYLIGHT
 * observances with a yearly RRULE (or one fixed STANDARD observance), starting at the zone's last
 * change of rules. Times long before that change follow today's rules, as Outlook's own export does.
 */
final class VTimezones {
    private final Map<ZoneId, TimezoneAssignment> made = new HashMap<>();

    /** One assignment per zone, made once: the writer emits each VTIMEZONE once. */
    TimezoneAssignment assignment(ZoneId zone) {
        return made.computeIfAbsent(zone, z -> new TimezoneAssignment(TimeZone.getTimeZone(z), component(z)));
    }

    static VTimezone component(ZoneId zone) {
        VTimezone tz = new VTimezone(zone.getId());
        ZoneRules rules = zone.getRules();
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        List<ZoneOffsetTransition> past = rules.getTransitions();
        if (yearly.isEmpty()) {
            ZoneOffset now = rules.getOffset(Instant.now());
            ZoneOffset before = past.isEmpty() ? now : past.get(past.size() - 1).getOffsetBefore();
            LocalDateTime since = past.isEmpty() ? LocalDateTime.of(1970, 1, 1, 0, 0)
                    : past.get(past.size() - 1).getDateTimeBefore();
            StandardTime std = new StandardTime();
            fill(std, since, before, now);
            tz.addStandardTime(std);
            return tz;
        }
        int firstYear = past.isEmpty() ? 1970 : past.get(past.size() - 1).getDateTimeAfter().getYear() + 1;
        for (ZoneOffsetTransitionRule r : yearly) {
            ZoneOffsetTransition t = r.createTransition(firstYear);
            boolean standard = r.getOffsetAfter().equals(r.getStandardOffset());
            Observance o = standard ? new StandardTime() : new DaylightSavingsTime();
            fill(o, t.getDateTimeBefore(), r.getOffsetBefore(), r.getOffsetAfter());
            o.setRecurrenceRule(yearlyRule(r));
            if (standard) {
                tz.addStandardTime((StandardTime) o);
            } else {
                tz.addDaylightSavingsTime((DaylightSavingsTime) o);
            }
        }
        return tz;
    }

    private static void fill(Observance o, LocalDateTime start, ZoneOffset from, ZoneOffset to) {
        o.setDateStart(new DateTimeComponents(start.getYear(), start.getMonthValue(), start.getDayOfMonth(),
                start.getHour(), start.getMinute(), start.getSecond(), false));
        o.setTimezoneOffsetFrom(new UtcOffset(from.getTotalSeconds() * 1000L));
        o.setTimezoneOffsetTo(new UtcOffset(to.getTotalSeconds() * 1000L));
    }

    /** The rule's day as RRULE parts: a fixed day, the last weekday, or a weekday on or after a day. */
    private static Recurrence yearlyRule(ZoneOffsetTransitionRule r) {
        Recurrence.Builder b = new Recurrence.Builder(Frequency.YEARLY).byMonth(r.getMonth().getValue());
        int dom = r.getDayOfMonthIndicator();
        if (r.getDayOfWeek() == null) {
            return b.byMonthDay(dom).build();
        }
        DayOfWeek day = day(r.getDayOfWeek());
        if (dom == -1) {
            return b.byDay(-1, day).build();
        }
        List<Integer> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            days.add(dom > 0 ? dom + i : dom - i);
        }
        return b.byDay(day).byMonthDay(days).build();
    }

    static DayOfWeek day(java.time.DayOfWeek d) {
        return switch (d) {
            case MONDAY -> DayOfWeek.MONDAY;
            case TUESDAY -> DayOfWeek.TUESDAY;
            case WEDNESDAY -> DayOfWeek.WEDNESDAY;
            case THURSDAY -> DayOfWeek.THURSDAY;
            case FRIDAY -> DayOfWeek.FRIDAY;
            case SATURDAY -> DayOfWeek.SATURDAY;
            case SUNDAY -> DayOfWeek.SUNDAY;
        };
    }
}
