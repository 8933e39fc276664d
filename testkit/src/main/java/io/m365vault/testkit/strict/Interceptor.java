package io.m365vault.testkit.strict;

/** Decides each request's {@link ProxyStep} and hears storage's answers: a service's rules, or a fault plan. */
public interface Interceptor {
    ProxyStep before(StrictRequest request);

    /** Storage answered a forwarded request with this status (before the answer goes back, if it does). */
    default void answered(StrictRequest request, int status) {
    }

    /** The service's limits as an interceptor: refuse what they refuse, forward the rest. */
    static Interceptor of(Rules rules) {
        return request -> rules.check(request).<ProxyStep>map(ProxyStep.Refuse::new).orElse(ProxyStep.FORWARD);
    }
}
