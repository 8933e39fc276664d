/**
 * The services the Azure Functions and the CLI both call (DESIGN §2's timer and queue steps): planning, backing up one item under its lease, runs and their status, restores, the HTTP API.
 */
package io.m365vault.service;
