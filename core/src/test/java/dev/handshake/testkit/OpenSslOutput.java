package dev.handshake.testkit;

import java.util.List;

/** What openssl s_server and s_client print. */
final class OpenSslOutput {

    private OpenSslOutput() {
    }

    /** OpenSSL 3 error lines, e.g. "40C7...:error:0A00045C:...:tlsv13 alert certificate required:...". */
    static List<String> errors(String stderr) {
        return stderr.lines().filter(line -> line.contains(":error:")).toList();
    }
}
