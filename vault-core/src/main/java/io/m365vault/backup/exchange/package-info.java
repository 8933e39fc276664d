/**
 * Exchange Online for the backup loop (step "Graph delta page -> new/changed items -> fetch
 * content" of DESIGN §2): the shapes of mail folders, messages, contact folders, contacts,
 * calendars, events and event attachments, and the syncs that enumerate a mailbox's collections.
 */
package io.m365vault.backup.exchange;
