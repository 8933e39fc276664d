package io.m365vault.graph;

/**
 * The tenant's SharePoint resource units, as SharePoint last reported them in RateLimit headers:
 * while a report holds, SharePoint requests are spaced so that the units left last until the
 * window resets (the remaining units spread evenly over the time left), and when none are left
 * they wait for the reset. Without a report (below 80% of the budget SharePoint sends none) they
 * go at full speed. Units of requests sent but not yet answered are held back from a report,
 * since the server may not have counted them when it wrote it, and within a window the lowest
 * figure reported holds. Costs are our estimates
 * ({@link ResourceUnitEstimate}); SharePoint's count is the truth each report brings back.
 */
final class ResourceUnitPacer {
    private long until;
    private boolean reported;
    private double units;
    private long nextAt;
    private long inFlight;
    private long reports;
    private long paced;
    private long pacedNanos;
    private long spent;

    /** A report at {@code now}: {@code remaining} units until {@code resetSeconds} from now. True when it starts pacing. */
    synchronized boolean report(RateLimitHeaders h, long now) {
        reports++;
        double left = Math.max(0, h.remaining() - inFlight);
        if (reported && now - until < 0) {
            // Within a window SharePoint's count only goes down: a lower figure is the newer one,
            // a higher one an answer overtaken by later ones.
            left = Math.min(left, units);
        }
        boolean starts = !reported || now - until >= 0;
        reported = true;
        until = now + Math.max(1, h.resetSeconds()) * 1_000_000_000L;
        units = left;
        return starts;
    }

    /** A 429 on a SharePoint request: no units until {@code pauseNanos} have passed, whatever the last report said. */
    synchronized void exhausted(long pauseNanos, long now) {
        if (pauseNanos <= 0) {
            return;
        }
        reported = true;
        until = Math.max(until, now + pauseNanos);
        units = 0;
    }

    /**
     * Takes {@code cost} units for a request at {@code now}: 0 when it may go (it is then in flight
     * until {@link #answered}), else the nanos to wait before asking again.
     */
    synchronized long tryTake(int cost, long now, boolean waitedBefore) {
        if (reported && now - until >= 0) {
            reported = false; // a new window: full speed until SharePoint reports again
        }
        if (reported) {
            long wait = units < cost ? until - now : nextAt - now;
            if (wait > 0) {
                if (!waitedBefore) {
                    paced++;
                }
                pacedNanos += wait;
                return wait;
            }
            nextAt = now + (long) ((until - now) * (cost / units));
            units -= cost;
        }
        inFlight += cost;
        spent += cost;
        return 0;
    }

    /** The request of {@code cost} units has its answer (or failed): it is no longer in flight. */
    synchronized void answered(int cost) {
        inFlight = Math.max(0, inFlight - cost);
    }

    synchronized ResourceUnitStats stats() {
        return new ResourceUnitStats(spent, reports, paced, pacedNanos / 1_000_000);
    }
}
