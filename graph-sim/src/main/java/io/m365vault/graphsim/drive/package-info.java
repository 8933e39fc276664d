/**
 * OneDrive and document-library drives: folder trees, files whose content is generated from the seed, versions, delta and downloads.
 */
package io.m365vault.graphsim.drive;
