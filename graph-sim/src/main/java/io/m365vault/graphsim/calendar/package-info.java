/**
 * Calendars and events: singles, series with recurrence, exceptions and cancellations, calendar views and their delta, attachments.
 */
package io.m365vault.graphsim.calendar;
