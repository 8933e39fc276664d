/**
 * Restores into Microsoft 365 (the end of DESIGN §2's flow, read back and written to the tenant):
 * a mailbox's messages at a point in time recreated through Graph as received or sent messages,
 * never over an existing one. Exports to files are {@code io.m365vault.restore}'s.
 */
package io.m365vault.restore.tenant;
