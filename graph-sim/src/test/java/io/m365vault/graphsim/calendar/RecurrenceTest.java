package io.m365vault.graphsim.calendar;

import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecurrenceTest {
    static Recurrence parse(String json) {
        return Recurrence.parse(Json.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8)));
    }

    static List<LocalDate> dates(String... ds) {
        return java.util.Arrays.stream(ds).map(LocalDate::parse).toList();
    }

    @Test
    void weeklyEveryOtherWeekFromTheWeekOfTheStart() {
        Recurrence r = parse("{'pattern':{'type':'weekly','interval':2,'daysOfWeek':['tuesday','friday'],'firstDayOfWeek':'monday'},"
                + "'range':{'type':'endDate','startDate':'2025-06-04','endDate':'2025-06-30'}}");
        // The start week's Tuesday is before the start date and is skipped; its Friday counts.
        assertEquals(dates("2025-06-06", "2025-06-17", "2025-06-20"), r.dates(LocalDate.parse("2026-01-01")));
    }

    @Test
    void numberedDailyStopsAtTheCountWhateverTheWindow() {
        Recurrence r = parse("{'pattern':{'type':'daily','interval':3},'range':{'type':'numbered','startDate':'2025-01-30','numberOfOccurrences':4}}");
        assertEquals(dates("2025-01-30", "2025-02-02", "2025-02-05", "2025-02-08"), r.dates(LocalDate.parse("2030-01-01")));
        assertEquals(dates("2025-01-30", "2025-02-02"), r.dates(LocalDate.parse("2025-02-04")));
    }

    @Test
    void monthlyPatternsSkipMissingDaysAndFindTheLastWeekday() {
        Recurrence abs = parse("{'pattern':{'type':'absoluteMonthly','interval':1,'dayOfMonth':31},'range':{'type':'noEnd','startDate':'2025-01-31'}}");
        assertEquals(dates("2025-01-31", "2025-03-31", "2025-05-31"), abs.dates(LocalDate.parse("2025-06-15")));
        Recurrence rel = parse("{'pattern':{'type':'relativeMonthly','interval':1,'daysOfWeek':['friday'],'index':'last'},"
                + "'range':{'type':'numbered','startDate':'2025-05-01','numberOfOccurrences':3}}");
        assertEquals(dates("2025-05-30", "2025-06-27", "2025-07-25"), rel.dates(LocalDate.parse("2026-01-01")));
    }

    @Test
    void yearlyPatterns() {
        Recurrence abs = parse("{'pattern':{'type':'absoluteYearly','interval':1,'month':2,'dayOfMonth':29},'range':{'type':'noEnd','startDate':'2024-02-29'}}");
        assertEquals(dates("2024-02-29", "2028-02-29"), abs.dates(LocalDate.parse("2029-01-01")));
        Recurrence rel = parse("{'pattern':{'type':'relativeYearly','interval':1,'month':11,'daysOfWeek':['thursday'],'index':'fourth'},"
                + "'range':{'type':'numbered','startDate':'2025-01-01','numberOfOccurrences':2}}");
        assertEquals(dates("2025-11-27", "2026-11-26"), rel.dates(LocalDate.parse("2030-01-01")));
    }

    @Test
    void summaryAndJsonRoundTrip() {
        Recurrence r = parse("{'pattern':{'type':'weekly','interval':1,'daysOfWeek':['monday','wednesday']},"
                + "'range':{'type':'endDate','startDate':'2025-04-07','endDate':'2025-07-28','recurrenceTimeZone':'W. Europe Standard Time'}}");
        assertEquals("weekly/1 monday,wednesday from 2025-04-07 to 2025-07-28", r.summary());
        assertEquals(r, Recurrence.parse(r.json()));
    }

    @Test
    void badRecurrencesGetOneClearError() {
        GraphError noDays = assertThrows(GraphError.class, () -> parse("{'pattern':{'type':'weekly'},'range':{'type':'noEnd','startDate':'2025-01-01'}}"));
        assertEquals(400, noDays.status);
        assertThrows(GraphError.class, () -> parse("{'pattern':{'type':'hourly'},'range':{'type':'noEnd','startDate':'2025-01-01'}}"));
        assertThrows(GraphError.class, () -> parse("{'pattern':{'type':'daily'},'range':{'type':'numbered','startDate':'2025-01-01'}}"));
        assertThrows(GraphError.class, () -> parse("{'pattern':{'type':'daily'},'range':{'type':'endDate','startDate':'2025-01-01'}}"));
    }
}
