package io.m365vault.restore;

import biweekly.util.DayOfWeek;
import biweekly.util.Frequency;
import biweekly.util.Recurrence;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Graph's patternedRecurrence as an RRULE: the pattern (daily, weekly, absolute/relative monthly
 * and yearly, with interval, days of week, day of month, month, week index and first day of week)
 * and the range (end date, number of occurrences, or no end).
 */
final class GraphRecurrence {
    private GraphRecurrence() {
    }

    /**
     * The rule, or null when there is no pattern. An end date is inclusive in Graph: UNTIL is the
     * end of that day in the series' zone, as a UTC time (RFC 5545 wants UTC when DTSTART has a
     * zone), or the date itself for all-day series.
     */
    static Recurrence rule(JsonNode recurrence, ZoneId zone, boolean allDay) {
        JsonNode pattern = recurrence.path("pattern");
        String type = GraphJson.text(pattern, "type");
        if (type == null) {
            return null;
        }
        Recurrence.Builder b = new Recurrence.Builder(frequency(type));
        int interval = pattern.path("interval").asInt(1);
        if (interval > 1) {
            b.interval(interval);
        }
        List<DayOfWeek> days = days(pattern.path("daysOfWeek"));
        int month = pattern.path("month").asInt(0);
        int dayOfMonth = pattern.path("dayOfMonth").asInt(0);
        switch (type) {
            case "daily" -> { }
            case "weekly" -> {
                b.byDay(days);
                String first = GraphJson.text(pattern, "firstDayOfWeek");
                if (first != null) {
                    b.workweekStarts(day(first));
                }
            }
            case "absoluteMonthly" -> b.byMonthDay(dayOfMonth);
            case "relativeMonthly" -> relative(b, days, GraphJson.text(pattern, "index"));
            case "absoluteYearly" -> b.byMonth(month).byMonthDay(dayOfMonth);
            case "relativeYearly" -> {
                b.byMonth(month);
                relative(b, days, GraphJson.text(pattern, "index"));
            }
            default -> throw new ExportException("unknown recurrence pattern type '" + type + "'");
        }
        JsonNode range = recurrence.path("range");
        switch (String.valueOf(GraphJson.text(range, "type"))) {
            case "endDate" -> {
                LocalDate end = LocalDate.parse(GraphJson.text(range, "endDate"));
                if (allDay) {
                    b.until(EventTimes.date(end));
                } else {
                    b.until(Date.from(end.atTime(LocalTime.MAX.withNano(0)).atZone(zone).toInstant()), true);
                }
            }
            case "numbered" -> b.count(range.path("numberOfOccurrences").asInt());
            default -> { } // noEnd
        }
        return b.build();
    }

    /** The nth (or last) of the given weekdays: BYDAY with an ordinal for one day, BYSETPOS for several. */
    private static void relative(Recurrence.Builder b, List<DayOfWeek> days, String index) {
        int n = switch (index == null ? "first" : index) {
            case "first" -> 1;
            case "second" -> 2;
            case "third" -> 3;
            case "fourth" -> 4;
            case "last" -> -1;
            default -> throw new ExportException("unknown recurrence week index '" + index + "'");
        };
        if (days.size() == 1) {
            b.byDay(n, days.get(0));
        } else {
            b.byDay(days).bySetPos(n);
        }
    }

    private static Frequency frequency(String type) {
        return switch (type) {
            case "daily" -> Frequency.DAILY;
            case "weekly" -> Frequency.WEEKLY;
            case "absoluteMonthly", "relativeMonthly" -> Frequency.MONTHLY;
            case "absoluteYearly", "relativeYearly" -> Frequency.YEARLY;
            default -> throw new ExportException("unknown recurrence pattern type '" + type + "'");
        };
    }

    private static List<DayOfWeek> days(JsonNode array) {
        List<DayOfWeek> out = new ArrayList<>();
        array.forEach(d -> out.add(day(d.asText())));
        return out;
    }

    static DayOfWeek day(String graphDay) {
        return VTimezones.day(java.time.DayOfWeek.valueOf(graphDay.toUpperCase(Locale.ROOT)));
    }
}
