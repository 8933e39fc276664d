/**
 * Benchmarks: JMH per primitive and the end-to-end harnesses that print their figures beside their peers'.
 */
package io.m365vault.bench;
