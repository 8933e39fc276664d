package io.m365vault.graphsim.delta;

/**
 * What a delta or next link remembers. {@code since}: report changes after this change number
 * (-1: a first, full enumeration). {@code upto}: the change number when this round began, which
 * becomes the next round's {@code since}. {@code after}: the last id already sent in this round.
 */
public record DeltaState(long since, long upto, String after, int pageSize, String select, String windowStart,
                         String windowEnd, long generation, long issuedAtMillis) {

    public boolean initial() {
        return since < 0;
    }

    public DeltaState next(String lastId) {
        return new DeltaState(since, upto, lastId, pageSize, select, windowStart, windowEnd, generation, issuedAtMillis);
    }

    public DeltaState newRound(long now) {
        return new DeltaState(upto, -1, null, pageSize, select, windowStart, windowEnd, generation, now);
    }
}
