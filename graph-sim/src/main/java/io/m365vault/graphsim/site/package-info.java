/**
 * Sites, SharePoint lists and their items, site pages.
 */
package io.m365vault.graphsim.site;
