package dev.handshake.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What openssl s_server and s_client leave behind: error lines and -msgfile message logs. */
final class OpenSslOutput {

    private OpenSslOutput() {
    }

    /** OpenSSL 3 error lines, e.g. "40C7...:error:0A00045C:...:tlsv13 alert certificate required:...". */
    static List<String> errors(String stderr) {
        return stderr.lines().filter(line -> line.contains(":error:")).toList();
    }

    /** A new, empty file in the directory for one program's -msgfile. */
    static Path messageFile(Path directory, String program) {
        try {
            return Files.createTempFile(directory, program + "-", ".msg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
