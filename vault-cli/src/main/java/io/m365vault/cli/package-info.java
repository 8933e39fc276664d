/**
 * The vault command: thin picocli adapters over the vault-core services (DESIGN §7).
 */
package io.m365vault.cli;
