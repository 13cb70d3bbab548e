package dev.cogauth.protocol;

/** Text made safe to put in an HTML page, between tags or in a quoted attribute of either quote. Pure. */
public final class Html {

    private Html() {
    }

    /** {@code & < > " '} as character references; everything else as it is. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
