package io.m365vault.testkit.faults;

import io.m365vault.testkit.strict.Interceptor;
import io.m365vault.testkit.strict.ProxyStep;
import io.m365vault.testkit.strict.Refusal;
import io.m365vault.testkit.strict.StrictRequest;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which calls fail and how: armed with a kind, the occurrence of that kind to start at and how
 * many calls to hit, it counts every call by kind and answers the armed ones with its fault.
 * A kill stops every later call too, of any kind, until {@link #disarm}.
 */
public final class FaultPlan {
    private record Armed(CallKind kind, int from, int times, Fault fault) { }

    private final Duration late;
    private final Map<CallKind, AtomicInteger> seen = new EnumMap<>(CallKind.class);
    private final AtomicInteger hits = new AtomicInteger();
    private final ThreadLocal<Boolean> dyingAfter = ThreadLocal.withInitial(() -> false);
    private volatile Armed armed;
    private volatile boolean dead;

    /** @param late how late a {@link Fault#TIMEOUT} call reaches storage: longer than the client's timeout */
    public FaultPlan(Duration late) {
        this.late = late;
        for (CallKind k : CallKind.values()) {
            seen.put(k, new AtomicInteger());
        }
    }

    /** From the {@code occurrence}-th call of {@code kind} on (1 is the next), {@code times} calls get {@code fault}; counts start again. */
    public synchronized void arm(CallKind kind, int occurrence, int times, Fault fault) {
        reset();
        armed = new Armed(kind, occurrence, times, fault);
    }

    /** Every call goes through again, as when a new worker starts; counts start again. */
    public synchronized void disarm() {
        reset();
        armed = null;
    }

    private void reset() {
        seen.values().forEach(n -> n.set(0));
        hits.set(0);
        dead = false;
    }

    /** Calls of each kind since the plan was last armed or disarmed (those of a dead worker left out). */
    public Map<CallKind, Integer> counts() {
        Map<CallKind, Integer> out = new EnumMap<>(CallKind.class);
        seen.forEach((k, n) -> out.put(k, n.get()));
        return out;
    }

    /** How many calls the armed fault hit. */
    public int hits() {
        return hits.get();
    }

    public boolean killed() {
        return dead;
    }

    /** The plan as one service's proxy applies it. */
    Interceptor interceptor(CallKind.Service service) {
        return new Interceptor() {
            @Override
            public ProxyStep before(StrictRequest request) {
                return step(service, request);
            }

            @Override
            public void answered(StrictRequest request, int status) {
                if (dyingAfter.get()) {
                    dyingAfter.set(false);
                    dead = true;
                }
            }
        };
    }

    private ProxyStep step(CallKind.Service service, StrictRequest request) {
        dyingAfter.set(false);
        if (dead) {
            return refuse(service, 403, "AuthorizationFailure", "fault injection: this worker was killed");
        }
        CallKind kind = CallKind.of(service, request);
        int n = seen.get(kind).incrementAndGet();
        Armed a = armed;
        if (a == null || a.kind() != kind || n < a.from() || n >= a.from() + a.times()) {
            return ProxyStep.FORWARD;
        }
        hits.incrementAndGet();
        return switch (a.fault()) {
            case ERROR_500 -> refuse(service, 500, "InternalError", "The server encountered an internal error. Please retry the request.");
            case ERROR_503 -> refuse(service, 503, "ServerBusy", "The server is currently unable to receive requests. Please retry your request.");
            case TIMEOUT -> new ProxyStep.Late(late);
            case RESET -> new ProxyStep.Drop();
            case ANSWER_LOST -> new ProxyStep.DropAnswer();
            case KILL_BEFORE -> {
                dead = true;
                yield refuse(service, 403, "AuthorizationFailure", "fault injection: this worker was killed");
            }
            case KILL_AFTER -> {
                dyingAfter.set(true);
                yield new ProxyStep.DropAnswer();
            }
        };
    }

    private static ProxyStep refuse(CallKind.Service service, int status, String code, String message) {
        return new ProxyStep.Refuse(service == CallKind.Service.TABLE ? Refusal.json(status, code, message)
                : Refusal.xml(status, code, message));
    }
}
