package dev.handshake.cli.explain;

import dev.handshake.cli.trace.ConnectionTrace;
import dev.handshake.cli.trace.Field;
import dev.handshake.cli.trace.Summary;
import dev.handshake.cli.trace.TraceStep;
import dev.handshake.tls.Session;
import dev.handshake.tls.trace.TlsEvent;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --json}: one JSON object per line for each event, and one for the summary at the end. */
public final class JsonEvents implements ConnectionTrace.Listener {

    private final PrintWriter out;

    public JsonEvents(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onStep(ConnectionTrace trace, TraceStep step) {
        out.println(Json.write(object(trace.number(), step)));
        out.flush();
    }

    @Override
    public void onFinish(ConnectionTrace trace) {
        out.println(Json.write(summary(trace.number(), Summary.of(trace.steps()))));
        out.flush();
    }

    /** The JSON object of one step: what every event has, then the event's own fields. */
    public static Map<String, Object> object(int connection, TraceStep step) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("connection", connection);
        json.put("seq", step.index());
        json.put("time", step.at().toString());
        json.put("event", step.event().getClass().getSimpleName());
        if (step.sender() != null) {
            json.put("from", step.sender().label());
            json.put("to", step.sender().other().label());
            json.put("encrypted", step.encrypted());
        }
        TlsEvent event = step.event();
        if (event instanceof TlsEvent.Record r) {
            json.put("contentType", r.contentType());
            json.put("version", String.format("0x%04x", r.version()));
            json.put("length", r.length());
        } else if (event instanceof TlsEvent.HandshakeMessage m) {
            json.put("type", step.message().name());
            json.put("typeCode", m.message().type().code());
            json.put("length", m.message().raw().length);
            json.put("purpose", step.message().purpose());
            json.put("fields", step.message().fields().stream().map(JsonEvents::field).toList());
            json.put("raw", m.message().raw());
        } else if (event instanceof TlsEvent.ApplicationData d) {
            json.put("length", d.length());
        } else if (event instanceof TlsEvent.Alert a) {
            json.put("level", a.fatal() ? "fatal" : "warning");
            json.put("description", a.description().name());
            json.put("code", a.description().code());
        } else if (event instanceof TlsEvent.Secret s) {
            json.put("name", s.name());
            json.put("derivation", s.derivation());
            json.put("clientRandom", s.clientRandom());
            json.put("value", s.value());
        } else if (event instanceof TlsEvent.CertificateCheck c) {
            json.put("check", c.step().getClass().getSimpleName());
            json.put("text", c.step().describe());
        } else if (event instanceof TlsEvent.State s) {
            json.put("state", s.state());
        } else if (event instanceof TlsEvent.Completed c) {
            json.putAll(session(c.session()));
        } else if (event instanceof TlsEvent.Failed f) {
            json.put("alert", f.alert().name());
            json.put("reason", f.reason());
            json.put("sentByPeer", f.sentByPeer());
        }
        return json;
    }

    /** What a handshake negotiated, as JSON fields. */
    public static Map<String, Object> session(Session session) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", session.version().name());
        json.put("cipherSuite", session.cipherSuite().name());
        json.put("group", session.groupName());
        json.put("signatureScheme", session.signatureScheme() != null ? session.signatureScheme().name() : null);
        json.put("serverName", session.serverName());
        json.put("applicationProtocol", session.applicationProtocol());
        json.put("extendedMasterSecret", session.extendedMasterSecret());
        json.put("falseStart", session.falseStart());
        json.put("forwardSecret", session.forwardSecret());
        json.put("resumed", session.resumed());
        json.put("peerCertificates", session.peerCertificates().stream()
            .map(c -> c.getSubjectX500Principal().getName()).toList());
        return json;
    }

    private static Map<String, Object> summary(int connection, Summary summary) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("connection", connection);
        json.put("event", "Summary");
        json.put("handshakeMessages", summary.handshakeMessages());
        json.put("handshakeFlights", summary.handshakeFlights());
        json.put("roundTrips", summary.roundTrips());
        json.put("helloRetryRequest", summary.helloRetried());
        json.put("newSessionTickets", summary.newSessionTickets());
        json.put("keyUpdates", summary.keyUpdates());
        json.put("version", summary.session() != null ? summary.session().version().name() : null);
        json.put("resumed", summary.session() != null ? summary.session().resumed() : null);
        json.put("forwardSecret", summary.forwardSecret());
        json.put("completed", summary.session() != null);
        return json;
    }

    private static Map<String, Object> field(Field field) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", field.name());
        json.put("value", field.value());
        return json;
    }
}
