package dev.handshake.cli.explain;

/** Terminal colours (ANSI SGR) for the explanation, or none at all when output is not a terminal. */
public final class Style {

    private static final String RESET = "\u001b[0m";

    private final boolean colour;

    private Style(boolean colour) {
        this.colour = colour;
    }

    public static Style ansi() {
        return new Style(true);
    }

    public static Style plain() {
        return new Style(false);
    }

    /**
     * Colour when standard output is a terminal, unless {@code noColour} (--no-color) or the
     * {@code NO_COLOR} environment variable say otherwise, or the terminal is "dumb".
     */
    public static Style forTerminal(boolean noColour) {
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        return terminal && !noColour && System.getenv("NO_COLOR") == null ? ansi() : plain();
    }

    public String bold(String text) {
        return sgr("1", text);
    }

    public String dim(String text) {
        return sgr("2", text);
    }

    /** What the client sends. */
    public String client(String text) {
        return sgr("1;36", text);
    }

    /** What the server sends. */
    public String server(String text) {
        return sgr("1;35", text);
    }

    public String good(String text) {
        return sgr("32", text);
    }

    public String bad(String text) {
        return sgr("1;31", text);
    }

    /** Encrypted traffic and secrets. */
    public String secret(String text) {
        return sgr("33", text);
    }

    private String sgr(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + RESET : text;
    }
}
