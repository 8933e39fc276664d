/**
 * Restores out of the repository (the end of DESIGN §2's flow, read back): exports of a protected item at a point in time in standard formats.
 */
package io.m365vault.restore;
