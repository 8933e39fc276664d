/**
 * SharePoint lists for the backup loop (step "Graph delta page -> new/changed items" of DESIGN §2):
 * which lists of a site are backed up (not document libraries, which are drives, nor hidden lists,
 * but the people list that person columns point into), each list's schema (columns, content types)
 * as a row of its own, and its items followed by list-item delta with their fields.
 */
package io.m365vault.backup.lists;
