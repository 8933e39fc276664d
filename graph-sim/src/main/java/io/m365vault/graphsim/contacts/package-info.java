/**
 * Contact folders, contacts and their photos.
 */
package io.m365vault.graphsim.contacts;
