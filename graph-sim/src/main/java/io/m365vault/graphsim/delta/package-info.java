/**
 * Delta tokens and delta pages in Outlook's and drives' flavours, and their expiry (410).
 */
package io.m365vault.graphsim.delta;
