package io.m365vault.graphsim.model;

/** The change bookkeeping every tracked item shares: a fixed id, the last change number, a tombstone flag. */
public abstract class TrackedBase implements Tracked {
    private final String id;
    private long seq;
    private boolean deleted;

    protected TrackedBase(String id, long seq) {
        this.id = id;
        this.seq = seq;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final long seq() {
        return seq;
    }

    @Override
    public final boolean deleted() {
        return deleted;
    }

    /** Records a change with the tenant's next change number. */
    public void touch(long newSeq) {
        seq = newSeq;
    }

    public void markDeleted(long newSeq) {
        deleted = true;
        seq = newSeq;
    }
}
