package io.m365vault.testkit.strict;

import java.util.Optional;

/** One service's limits: a refusal for a request Azure would refuse, empty for one it accepts. */
@FunctionalInterface
public interface Rules {
    Optional<Refusal> check(StrictRequest request);

    Rules NONE = r -> Optional.empty();
}
