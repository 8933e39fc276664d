/**
 * Mailboxes: folders, messages generated as real MIME, moves with immutable ids, drafts from JSON or MIME.
 */
package io.m365vault.graphsim.mail;
