package dev.handshake.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Headless Chromium, as a person's browser would open a page: the DOM after its scripts ran, or a screenshot. */
final class Chromium {

    private static final Duration LIMIT = Duration.ofSeconds(90);

    private Chromium() {
    }

    /** The page's DOM once it loaded and its scripts ran. */
    static String dumpDom(Path page, Path workDirectory) throws Exception {
        return run(page, workDirectory, "--dump-dom").out();
    }

    /** A PNG of the page at this window size. */
    static void screenshot(Path page, Path png, int width, int height, Path workDirectory) throws Exception {
        run(page, workDirectory, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
            "--hide-scrollbars");
        assertThat(png).exists();
    }

    private static Program run(Path page, Path workDirectory, String... options) throws Exception {
        Path profile = Files.createTempDirectory(workDirectory, "chromium-profile-");
        List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--user-data-dir=" + profile));
        command.addAll(List.of(options));
        command.add(page.toUri().toString());
        Program chromium = Program.run(workDirectory, LIMIT, command);
        assertThat(chromium.exitCode()).as("%s%n%s", String.join(" ", command), chromium.err()).isZero();
        return chromium;
    }
}
