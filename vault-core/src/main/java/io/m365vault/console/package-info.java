/**
 * The web console's page and assets (index.html, console.js, console.css), kept as resources of this package and served by
 * name by the Functions' Console function and by {@code vault serve}; every action of the page is a call of the HTTP API.
 */
package io.m365vault.console;
