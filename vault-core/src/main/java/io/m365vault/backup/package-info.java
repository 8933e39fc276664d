/**
 * The backup loop of DESIGN §2, from a Graph delta page to catalog versions and checkpoints: {@link io.m365vault.backup.CollectionSync} runs every workload's collections over item shapes, the workloads are one table ({@link io.m365vault.backup.Workloads}), failed items are kept and retried.
 */
package io.m365vault.backup;
