/**
 * graph-sim: a seeded Microsoft 365 tenant behind real HTTP, answering as Graph v1.0 documents, standing in for Microsoft's cloud in tests and the demo.
 */
package io.m365vault.graphsim;
