package io.m365vault.graph;

import io.m365vault.graphsim.GraphSim;
import org.junit.jupiter.api.AfterEach;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A test of the governed client against a graph-sim of its own: the sim, the client and a pool to hammer it from, closed after each test. */
abstract class SimGraphTest {
    GraphSim sim;
    TenantGraph graph;
    final ExecutorService pool = Executors.newFixedThreadPool(16);

    @AfterEach
    void stop() {
        pool.shutdownNow();
        if (graph != null) {
            graph.close();
        }
        if (sim != null) {
            sim.close();
        }
    }
}
