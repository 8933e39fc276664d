/**
 * SharePoint site pages for the backup loop (step "listing -> new/changed items -> fetch content"
 * of DESIGN §2): Graph has no delta for pages, so they are listed each run, and a page whose
 * {@code lastModifiedDateTime} moved has its sitePage with {@code canvasLayout} fetched as content.
 */
package io.m365vault.backup.pages;
