package dev.handshake.cli.explain;

import dev.handshake.cli.trace.ConnectionTrace;
import dev.handshake.cli.trace.Field;
import dev.handshake.cli.trace.Hex;
import dev.handshake.cli.trace.MessageView;
import dev.handshake.cli.trace.Side;
import dev.handshake.cli.trace.Summary;
import dev.handshake.cli.trace.TraceStep;
import dev.handshake.pki.ValidationStep;
import dev.handshake.tls.Session;
import dev.handshake.tls.trace.TlsEvent;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --explain} text: one block per handshake message in wire order, like a textbook —
 * what the message is for and its fields read out — with the chain-of-trust checks and the key
 * derivation where they happen, and a summary (round trips, forward secrecy) at the end.
 */
public final class Explainer implements ConnectionTrace.Listener {

    private static final int WIDTH = 100;
    private static final String INDENT = "    ";

    /** Which run of grouped events the last line belonged to, so a group gets one heading. */
    private enum Group { NONE, CHECKS, SECRETS }

    private final PrintWriter out;
    private final Style style;
    private Group group = Group.NONE;
    private int messages;
    private int passedChecks;

    public Explainer(PrintWriter out, Style style) {
        this.out = out;
        this.style = style;
    }

    @Override
    public void onStep(ConnectionTrace trace, TraceStep step) {
        TlsEvent event = step.event();
        if (event instanceof TlsEvent.HandshakeMessage m) {
            message(step, m);
        } else if (event instanceof TlsEvent.ChangeCipherSpec) {
            heading(step, "ChangeCipherSpec", detail(step, 1));
            paragraph(trace.negotiation().tls13()
                ? "Only for middleboxes (RFC 8446 Appendix D.4): with it a TLS 1.3 handshake looks like a TLS 1.2 "
                    + "resumption to old network gear. It changes nothing; the peer drops it."
                : "From the next record on, everything the " + step.sender().label()
                    + " sends is encrypted with the keys just derived.");
        } else if (event instanceof TlsEvent.ApplicationData data) {
            wireLine(step, "application data, " + data.length() + " bytes");
        } else if (event instanceof TlsEvent.Alert alert) {
            String text = "alert " + alert.description().name() + (alert.fatal() ? " (fatal)" : " (warning)");
            wireLine(step, alert.fatal() ? style.bad(text) : text);
        } else if (event instanceof TlsEvent.Secret secret) {
            secret(secret, trace.negotiation().tls13());
        } else if (event instanceof TlsEvent.CertificateCheck check) {
            check(trace.self(), check.step());
        } else if (event instanceof TlsEvent.Completed completed) {
            completed(completed.session());
        } else if (event instanceof TlsEvent.Failed failed) {
            group = Group.NONE;
            out.println();
            out.println(style.bad("== Failed: " + (failed.sentByPeer() ? "the peer sent " : "we sent ")
                + failed.alert().name() + ": " + failed.reason()));
        }
        out.flush();
    }

    @Override
    public void onFinish(ConnectionTrace trace) {
        Summary summary = Summary.of(trace.steps());
        out.println();
        out.println(style.bold("Summary"));
        field("handshake", summary.handshakeMessages() + " messages in " + summary.handshakeFlights() + " flights");
        if (summary.newSessionTickets() + summary.keyUpdates() > 0) {
            field("post-handshake", afterHandshake(summary));
        }
        if (summary.session() != null) {
            field("round trips", summary.roundTripText());
            if (summary.resumptionText() != null) {
                field("resumption", summary.resumptionText());
            }
            Boolean forwardSecret = summary.forwardSecret();
            String text = summary.forwardSecrecy();
            field("forward secrecy", forwardSecret ? style.good(text) : style.bad(text));
        } else {
            field("outcome", style.bad(summary.failure() != null
                ? summary.failure().alert().name() + ": " + summary.failure().reason() : "the handshake did not complete"));
        }
        out.println();
        out.flush();
    }

    private static String afterHandshake(Summary summary) {
        List<String> parts = new ArrayList<>();
        if (summary.newSessionTickets() > 0) {
            parts.add(summary.newSessionTickets() + " NewSessionTicket");
        }
        if (summary.keyUpdates() > 0) {
            parts.add(summary.keyUpdates() + " KeyUpdate");
        }
        return String.join(", ", parts);
    }

    private void message(TraceStep step, TlsEvent.HandshakeMessage event) {
        MessageView view = step.message();
        heading(step, view.name(), detail(step, event.message().raw().length));
        paragraph(view.purpose());
        int width = view.fields().stream().mapToInt(f -> f.name().length()).max().orElse(0);
        for (Field field : view.fields()) {
            field(field.name(), field.value(), Math.min(width, 28));
        }
    }

    private void heading(TraceStep step, String title, String detail) {
        group = Group.NONE;
        messages++;
        boolean client = step.sender() == Side.CLIENT;
        String label = String.format("%-4s%-20s", messages + ".", title);
        String arrow = client ? "client \u2500\u2500\u2500\u25b6 server" : "client \u25c0\u2500\u2500\u2500 server";
        out.println();
        out.println((client ? style.client(label) : style.server(label)) + "  " + arrow + "   " + detail);
    }

    private String detail(TraceStep step, int length) {
        return (step.encrypted() ? style.secret("encrypted") : "plaintext") + ", " + length + (length == 1 ? " byte" : " bytes");
    }

    private void wireLine(TraceStep step, String text) {
        group = Group.NONE;
        boolean client = step.sender() == Side.CLIENT;
        String arrow = client ? "client \u2500\u2500\u2500\u25b6 server" : "client \u25c0\u2500\u2500\u2500 server";
        out.println(INDENT + arrow + "   " + text + (step.encrypted() ? ", " + style.secret("encrypted") : ""));
    }

    private void secret(TlsEvent.Secret secret, boolean tls13) {
        if (group != Group.SECRETS) {
            group = Group.SECRETS;
            out.println();
            out.println(tls13 ? style.bold("Key schedule") + style.dim("  derived on both sides, never sent (RFC 8446 §7.1)")
                : style.bold("Keys") + style.dim("  derived on both sides, never sent"));
        }
        out.println(INDENT + style.secret(secret.name()) + " (" + secret.value().length + " bytes)");
        wrap(INDENT + "  = ", secret.derivation(), style::dim);
        out.println(INDENT + "    " + Hex.of(secret.value()));
    }

    /**
     * One step of the chain-of-trust check. Signatures and outcomes are shown; the passed checks of
     * validity and constraints are counted and shown as one line before the outcome (any failure
     * is shown itself); the search for issuers is left to --json and the report.
     */
    private void check(Side self, ValidationStep step) {
        if (group != Group.CHECKS) {
            group = Group.CHECKS;
            passedChecks = 0;
            out.println();
            out.println(style.bold("Chain of trust") + style.dim("  as the " + self.label() + " checked it"));
        }
        boolean passed = (step instanceof ValidationStep.ValidityChecked v && v.ok())
            || (step instanceof ValidationStep.ConstraintChecked c && c.ok());
        if (passed) {
            passedChecks++;
            return;
        }
        if (step instanceof ValidationStep.IssuerCandidate || step instanceof ValidationStep.PathFound) {
            return;
        }
        if ((step instanceof ValidationStep.PathAccepted || step instanceof ValidationStep.PathRejected) && passedChecks > 0) {
            out.println(INDENT + style.good("\u2713") + " " + passedChecks
                + " checks of validity dates, key sizes, basicConstraints, key usage and names passed");
            passedChecks = 0;
        }
        List<String> lines = step.describe().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            out.println(INDENT + (i == 0 ? mark(step) + " " + line : "    " + style.dim(line)));
        }
    }

    private String mark(ValidationStep step) {
        boolean bad = step instanceof ValidationStep.PathRejected || step instanceof ValidationStep.NoIssuerFound
            || (step instanceof ValidationStep.SignatureChecked s && !s.matches())
            || step instanceof ValidationStep.ValidityChecked || step instanceof ValidationStep.ConstraintChecked
            || (step instanceof ValidationStep.IssuerFetched f && f.problem() != null);
        return bad ? style.bad("\u2717") : style.good("\u2713");
    }

    private void completed(Session session) {
        group = Group.NONE;
        out.println();
        out.println(style.bold("== Handshake complete: " + session.version() + ", " + session.cipherSuite().name()
            + (session.groupName() != null ? ", " + session.groupName() : "")
            + (session.signatureScheme() != null ? ", signed " + session.signatureScheme().name() : "")
            + (session.resumed() ? ", resumed" : "")));
        paragraph("Both Finished messages matched: both sides hold the same keys and saw the same handshake."
            + (session.resumed() ? " The session was resumed: the ticket's pre-shared key, mixed into the key schedule, "
                + "stood in for the certificate." : ""));
    }

    private void field(String name, String value) {
        field(name, value, 16);
    }

    private void field(String name, String value, int width) {
        String pad = " ".repeat(Math.max(width, name.length()) + 2);
        List<String> lines = value.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String head = i == 0 ? style.dim(name) + " ".repeat(pad.length() - name.length()) : pad;
            out.println(INDENT + head + lines.get(i));
        }
    }

    private void paragraph(String text) {
        wrap(INDENT, text, style::dim);
    }

    /** Prints {@code text} wrapped at the width, the first line after {@code first}, the rest aligned under it. */
    private void wrap(String first, String text, java.util.function.UnaryOperator<String> paint) {
        String indent = " ".repeat(first.length());
        StringBuilder line = new StringBuilder();
        String prefix = first;
        for (String word : text.split(" ")) {
            if (line.length() > 0 && prefix.length() + line.length() + 1 + word.length() > WIDTH) {
                out.println(prefix + paint.apply(line.toString()));
                prefix = indent;
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            out.println(prefix + paint.apply(line.toString()));
        }
    }
}
