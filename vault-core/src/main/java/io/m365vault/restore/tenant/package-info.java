/**
 * Restores into Microsoft 365 (the end of DESIGN §2's flow, read back and written to the tenant):
 * a mailbox's messages, calendars and contacts and a drive's folders and files at a point in
 * time recreated through Graph, each item anew and never over an existing one, an item whose
 * later writes fail removed again. {@link io.m365vault.restore.tenant.RestoreRun} is what the
 * four workloads share. Exports to
 * files are {@code io.m365vault.restore}'s.
 */
package io.m365vault.restore.tenant;
