package io.m365vault.graphsim.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Json;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Graph's patternedRecurrence: a pattern (daily, weekly, absolute/relative monthly and yearly)
 * and a range (endDate inclusive, numbered, noEnd). Expands to occurrence dates in the series' zone.
 */
public record Recurrence(String type, int interval, List<DayOfWeek> daysOfWeek, int dayOfMonth, int month, String index,
                         DayOfWeek firstDayOfWeek, String rangeType, LocalDate startDate, LocalDate endDate,
                         int numberOfOccurrences, String recurrenceTimeZone) {

    private static final List<String> TYPES = List.of("daily", "weekly", "absoluteMonthly", "relativeMonthly", "absoluteYearly", "relativeYearly");

    /** Parses a client's recurrence; null for null/JSON null. */
    public static Recurrence parse(JsonNode j) {
        if (j == null || j.isNull()) {
            return null;
        }
        JsonNode p = j.path("pattern");
        JsonNode r = j.path("range");
        String type = p.path("type").asText("");
        if (!TYPES.contains(type)) {
            throw GraphError.badRequest("ErrorInvalidRequest", "recurrence.pattern.type must be one of " + TYPES + ", not '" + type + "'.");
        }
        List<DayOfWeek> days = new ArrayList<>();
        p.path("daysOfWeek").forEach(d -> days.add(day(d.asText())));
        if ((type.equals("weekly") || type.startsWith("relative")) && days.isEmpty()) {
            throw GraphError.badRequest("ErrorInvalidRequest", "recurrence.pattern.daysOfWeek is required for a " + type + " pattern.");
        }
        String rangeType = r.path("type").asText("noEnd");
        LocalDate start = date(r, "startDate");
        if (start == null) {
            throw GraphError.badRequest("ErrorInvalidRequest", "recurrence.range.startDate is required.");
        }
        LocalDate end = date(r, "endDate");
        if (rangeType.equals("endDate") && end == null) {
            throw GraphError.badRequest("ErrorInvalidRequest", "recurrence.range.endDate is required for an endDate range.");
        }
        int count = r.path("numberOfOccurrences").asInt(0);
        if (rangeType.equals("numbered") && count < 1) {
            throw GraphError.badRequest("ErrorInvalidRequest", "recurrence.range.numberOfOccurrences must be positive for a numbered range.");
        }
        String first = p.path("firstDayOfWeek").asText("sunday");
        return new Recurrence(type, Math.max(1, p.path("interval").asInt(1)), List.copyOf(days), p.path("dayOfMonth").asInt(0),
                p.path("month").asInt(0), p.path("index").asText("first"), day(first), rangeType, start, end, count,
                r.hasNonNull("recurrenceTimeZone") ? r.get("recurrenceTimeZone").asText() : null);
    }

    private static LocalDate date(JsonNode r, String field) {
        String s = r.path(field).asText(null);
        if (s == null || s.isBlank() || s.startsWith("0001-01-01")) {
            return null;
        }
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            throw GraphError.badRequest("ErrorInvalidRequest", "recurrence.range." + field + " is not a date: '" + s + "'.");
        }
    }

    private static DayOfWeek day(String name) {
        try {
            return DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw GraphError.badRequest("ErrorInvalidRequest", "'" + name + "' is not a day of the week.");
        }
    }

    private static String name(DayOfWeek d) {
        return d.name().toLowerCase(Locale.ROOT);
    }

    /** Occurrence dates in order from the range start up to {@code until} (inclusive) or the range's end. */
    public List<LocalDate> dates(LocalDate until) {
        List<LocalDate> out = new ArrayList<>();
        LocalDate last = rangeType.equals("endDate") && endDate.isBefore(until) ? endDate : until;
        int max = rangeType.equals("numbered") ? numberOfOccurrences : Integer.MAX_VALUE;
        for (long step = 0; out.size() < max; step++) {
            List<LocalDate> batch = period(step);
            if (batch.isEmpty() && periodStart(step).isAfter(last)) {
                break;
            }
            for (LocalDate d : batch) {
                if (d.isAfter(last) || out.size() == max) {
                    return out;
                }
                if (!d.isBefore(startDate)) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    private LocalDate periodStart(long step) {
        return switch (type) {
            case "daily" -> startDate.plusDays(step * interval);
            case "weekly" -> startDate.with(TemporalAdjusters.previousOrSame(firstDayOfWeek)).plusWeeks(step * interval);
            case "absoluteMonthly", "relativeMonthly" -> startDate.withDayOfMonth(1).plusMonths(step * interval);
            default -> startDate.withDayOfYear(1).plusYears(step * interval);
        };
    }

    /** The dates one period (day, week, month, year) of the pattern yields, sorted. */
    private List<LocalDate> period(long step) {
        LocalDate p = periodStart(step);
        List<LocalDate> out = new ArrayList<>();
        switch (type) {
            case "daily" -> out.add(p);
            case "weekly" -> {
                for (int i = 0; i < 7; i++) {
                    if (daysOfWeek.contains(p.plusDays(i).getDayOfWeek())) {
                        out.add(p.plusDays(i));
                    }
                }
            }
            case "absoluteMonthly" -> {
                if (dayOfMonth <= p.lengthOfMonth()) {
                    out.add(p.withDayOfMonth(dayOfMonth));
                }
            }
            case "relativeMonthly" -> out.add(relative(p));
            case "absoluteYearly" -> {
                LocalDate m = p.withMonth(month);
                if (dayOfMonth <= m.lengthOfMonth()) {
                    out.add(m.withDayOfMonth(dayOfMonth));
                }
            }
            default -> out.add(relative(p.withMonth(month)));
        }
        return out;
    }

    /** The first/second/third/fourth/last of the pattern's days in the month of {@code monthStart}. */
    private LocalDate relative(LocalDate monthStart) {
        List<LocalDate> matches = new ArrayList<>();
        for (LocalDate d = monthStart; d.getMonth() == monthStart.getMonth(); d = d.plusDays(1)) {
            if (daysOfWeek.contains(d.getDayOfWeek())) {
                matches.add(d);
            }
        }
        int i = switch (index) {
            case "second" -> 1;
            case "third" -> 2;
            case "fourth" -> 3;
            case "last" -> matches.size() - 1;
            default -> 0;
        };
        return matches.get(Math.min(i, matches.size() - 1));
    }

    public ObjectNode json() {
        ObjectNode j = Json.obj();
        ObjectNode p = j.putObject("pattern");
        p.put("type", type);
        p.put("interval", interval);
        p.put("month", month);
        p.put("dayOfMonth", dayOfMonth);
        var days = p.putArray("daysOfWeek");
        daysOfWeek.forEach(d -> days.add(name(d)));
        p.put("firstDayOfWeek", name(firstDayOfWeek));
        p.put("index", index);
        ObjectNode r = j.putObject("range");
        r.put("type", rangeType);
        r.put("startDate", startDate.toString());
        r.put("endDate", endDate == null ? "0001-01-01" : endDate.toString());
        r.put("recurrenceTimeZone", recurrenceTimeZone);
        r.put("numberOfOccurrences", numberOfOccurrences);
        return j;
    }

    /** One line for snapshots, e.g. "weekly/1 monday,wednesday from 2025-04-07 to 2025-07-28". */
    public String summary() {
        StringBuilder b = new StringBuilder(type).append('/').append(interval);
        if (!daysOfWeek.isEmpty()) {
            b.append(' ').append(String.join(",", daysOfWeek.stream().map(Recurrence::name).toList()));
        }
        if (type.startsWith("absolute")) {
            b.append(" day ").append(dayOfMonth);
        }
        if (type.startsWith("relative")) {
            b.append(' ').append(index);
        }
        if (type.endsWith("Yearly")) {
            b.append(" month ").append(month);
        }
        b.append(" from ").append(startDate);
        switch (rangeType) {
            case "endDate" -> b.append(" to ").append(endDate);
            case "numbered" -> b.append(" times ").append(numberOfOccurrences);
            default -> b.append(" no end");
        }
        return b.toString();
    }
}
