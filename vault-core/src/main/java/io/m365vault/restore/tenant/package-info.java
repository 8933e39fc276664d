/**
 * Restores into Microsoft 365 (the end of DESIGN §2's flow, read back and written to the tenant):
 * a mailbox's messages, calendars and contacts, a drive's folders and files, a site's lists (with
 * their columns, items and attachments) and pages at a point in time recreated through Graph (list
 * item attachments through SharePoint REST), each item anew and never over an existing one, an
 * item whose later writes fail removed again. {@link io.m365vault.restore.tenant.RestoreRun} is
 * what the workloads share. Exports to
 * files are {@code io.m365vault.restore}'s.
 */
package io.m365vault.restore.tenant;
