/**
 * The simulated tenant's directory and what every workload shares: users, groups, ids shaped like the service's, hashes, the seeded random source and clock.
 */
package io.m365vault.graphsim.model;
