/**
 * Settings of DESIGN §6 read from the environment or local.settings.json.
 */
package io.m365vault.config;
