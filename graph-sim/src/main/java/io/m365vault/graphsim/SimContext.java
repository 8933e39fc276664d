package io.m365vault.graphsim;

import io.m365vault.graphsim.control.Faults;
import io.m365vault.graphsim.control.SimStats;
import io.m365vault.graphsim.delta.DeltaResponder;
import io.m365vault.graphsim.delta.DeltaTokens;
import io.m365vault.graphsim.entra.Entra;
import io.m365vault.graphsim.mail.MailJson;
import io.m365vault.graphsim.model.TenantModel;

/** The simulator's shared parts, handed to every handler. */
public final class SimContext {
    public final SimConfig config;
    public final TenantModel tenant;
    public final DeltaTokens tokens;
    public final DeltaResponder delta;
    public final MailJson mailJson;
    public final SimStats stats = new SimStats();
    public final Faults faults;
    /** Entra ID's token endpoint and the tokens Graph accepts. */
    public final Entra entra = new Entra();
    /** http://127.0.0.1:PORT, set once the server is bound; upload sessions live under it. */
    public volatile String origin;
    /** http://127.0.0.1:PORT2 of the download host. */
    public volatile String downloadOrigin;

    public SimContext(SimConfig config) {
        this.config = config;
        this.tenant = new TenantModel(config);
        this.tokens = new DeltaTokens(config.deltaTokenTtlSeconds);
        this.delta = new DeltaResponder(tokens, tenant::currentSeq);
        this.mailJson = new MailJson(config.seed);
        this.faults = new Faults(config);
    }
}
