package io.m365vault.testkit.strict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FilterComparisonsTest {

    @Test
    void countsEveryComparisonOperator() {
        assertEquals(6, FilterComparisons.count("a eq 1 and b ne 2 or (c gt 3 and d ge 4) or not (e lt 5) and f le 6"));
    }

    @Test
    void operatorsInsideLiteralsDoNotCount() {
        assertEquals(1, FilterComparisons.count("RowKey eq 'x eq y and z ne ''w'' gt'"));
        assertEquals(2, FilterComparisons.count("PartitionKey eq 'it''s' and RowKey eq 'b'"));
    }

    @Test
    void wordsThatMerelyContainAnOperatorDoNotCount() {
        assertEquals(1, FilterComparisons.count("equal eq 'ne' and neat and legal"));
        assertEquals(0, FilterComparisons.count("EQ Eq"));
    }
}
