package io.m365vault.restore;

/** An item that could not be exported, and why; the export went on with the others. */
public record ExportFailure(String itemId, String kind, String error) {
}
