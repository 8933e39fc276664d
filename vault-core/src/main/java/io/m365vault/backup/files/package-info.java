/**
 * OneDrive, SharePoint document libraries and group (Teams) drives for the backup loop (step
 * "Graph delta page -> new/changed items -> fetch content" of DESIGN §2): which drives a protected
 * item has, the shapes of drives and drive items, and each file's bytes streamed from its
 * pre-authenticated URL and checked against its quickXorHash before it counts as backed up.
 */
package io.m365vault.backup.files;
