/**
 * The repository format (DESIGN §3) and the write order of a backup's commit: chunker, chunk ids, AEAD, packs, index, catalog, state, keys and their KEKs, verify.
 */
package io.m365vault.repo;
