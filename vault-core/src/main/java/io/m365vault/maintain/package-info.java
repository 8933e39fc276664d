/**
 * Maintenance of a repository (DESIGN §3, garbage collection): retention (which item versions the
 * catalog keeps), prune (two-phase garbage collection of chunks and packs, repacking) and what
 * they report. Runs beside backups: nothing here deletes what a running backup may reference.
 */
package io.m365vault.maintain;
