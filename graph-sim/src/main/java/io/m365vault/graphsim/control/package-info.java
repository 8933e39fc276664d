/**
 * The /_sim control endpoints: faults (throttling, injected errors, latency), mutations, snapshots and stats.
 */
package io.m365vault.graphsim.control;
