package io.m365vault.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.entra.SimTls;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** `vault backup` when Entra ID or Graph refuses the app: one line naming the setting, within seconds, exit 1. */
@ExtendWith(AzuriteExtension.class)
class BackupRefusedTest {
    private static final String TENANT = "3c2b1a00-0000-4000-8000-0000000000cc";
    private static final String APP = "4d3c2b00-0000-4000-8000-0000000000dd";

    @Test
    void aSecretTheTenantRefusesIsOneLineNamingGraphClientSecret(AzuriteExtension.StorageAccount account, @TempDir Path tmp) throws Exception {
        // The JVM's default trust (OkHttp's for Graph, Netty's for azure-identity) gets graph-sim's self-signed certificate.
        SimTls.trustInThisJvm();
        try (GraphSim sim = GraphSim.builder().seed(8).users(3).build().start().startTls()) {
            sim.registerApp(TENANT, APP, "the right one");
            Cli cli = new Cli(Map.of("VAULT_STORAGE", account.connectionString(), "VAULT_KEK", "file:" + tmp.resolve("kek"),
                    "GRAPH_BASE_URL", sim.tlsBaseUrl(), "GRAPH_AUTHORITY_HOST", sim.authorityHost(), "GRAPH_TENANT_ID", TENANT,
                    "GRAPH_CLIENT_ID", APP, "GRAPH_CLIENT_SECRET", "an old one", "VAULT_POLICY", "{\"mail\":\"all\"}"), tmp);
            assertEquals(0, cli.run("init", "--repo", "refused").code());
            long t0 = System.nanoTime();
            Cli.Result r = cli.run("backup", "--repo", "refused");
            assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "within seconds");
            assertEquals(1, r.code(), r.toString());
            assertEquals("vault: GRAPH_CLIENT_SECRET: the tenant " + TENANT + " refuses the credentials of app " + APP
                    + " (AADSTS7000215: Invalid client secret provided)", r.err().strip(), r.toString());
        }
    }

    @Test
    void aPermissionTheAppLacksStopsTheRunWithOneLineNotAFailedItemEach(AzuriteExtension.StorageAccount account, @TempDir Path tmp)
            throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(8).users(8).build().start()) {
            SimUser user = sim.tenant().directory().user(7);
            Cli cli = new Cli(Map.of("VAULT_STORAGE", account.connectionString(), "VAULT_KEK", "file:" + tmp.resolve("kek"),
                    "GRAPH_BASE_URL", sim.baseUrl(), "VAULT_POLICY", "{\"mail\":\"all\"}"), tmp);
            assertEquals(0, cli.run("init", "--repo", "denied").code());
            ObjectNode f = new ObjectMapper().createObjectNode();
            f.putArray("inject").addObject().put("path", "users/" + user.id + "/mailFolders").put("status", 403)
                    .put("code", "Authorization_RequestDenied").put("count", 1);
            sim.faults(f);
            Cli.Result r = cli.run("backup", "user:" + user.id, "--workloads", "mail", "--repo", "denied");
            assertEquals(1, r.code(), r.toString());
            String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
            assertTrue(last.startsWith("vault: GRAPH_CLIENT_ID: Graph refuses GET " + sim.baseUrl() + "/users/" + user.id + "/mailFolders")
                    && last.contains("lacks the application permission it needs (403 Authorization_RequestDenied"), r.toString());
            // The run ends: its item failed with the reason, nothing left running for ever.
            Cli.Result runs = cli.run("runs", "--repo", "denied");
            assertEquals(0, runs.code(), runs.toString());
            String row = runs.out().lines().filter(l -> !l.startsWith("RUN")).findFirst().orElse("");
            assertTrue(row.contains(" failed ") && !row.contains(" running "), runs.toString());
        }
    }
}
