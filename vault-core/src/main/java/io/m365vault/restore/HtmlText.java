package io.m365vault.restore;

import java.util.regex.Pattern;

/** Plain text of an HTML body, for DESCRIPTION and NOTE: the text a reader sees, not the markup. */
final class HtmlText {
    private static final Pattern HIDDEN = Pattern.compile("(?is)<(style|script|head)\\b.*?</\\1\\s*>");
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6])\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*\\n([ \\t]*\\n)+");

    private HtmlText() {
    }

    static String of(String html) {
        String s = HIDDEN.matcher(html).replaceAll("");
        s = BREAK.matcher(s).replaceAll("\n");
        s = TAG.matcher(s).replaceAll("");
        s = s.replace("\r\n", "\n").replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        return BLANK_LINES.matcher(s).replaceAll("\n\n").strip();
    }

    /** The body of a Graph item ({@code body: {contentType, content}}) as plain text, or null. */
    static String body(com.fasterxml.jackson.databind.JsonNode item) {
        String content = GraphJson.text(item, "body", "content");
        if (content == null) {
            return null;
        }
        String text = "html".equalsIgnoreCase(GraphJson.text(item, "body", "contentType")) ? of(content) : content;
        return text.isBlank() ? null : text;
    }
}
