package dev.handshake.bench;

import dev.handshake.testkit.TestPki;
import dev.handshake.tls.Credential;
import java.security.cert.X509Certificate;

/** Makes the workload of a scenario for an engine, and checks it does what the scenario says. */
public final class Workloads {

    private Workloads() {
    }

    /** A workload that has run a few operations and negotiated what the scenario asks for. */
    public static Workload create(Scenario scenario, Engine engine) throws Exception {
        Providers.prepareJvm(scenario);
        TestPki pki = TestPki.of(scenario.keyType());
        Credential credential = pki.server().credential();
        X509Certificate root = pki.root();
        Workload workload = switch (engine) {
            case HANDSHAKE -> HandshakeWorkloads.create(scenario, credential, root, null);
            case HANDSHAKE_ACCP -> HandshakeWorkloads.create(scenario, credential, root, Providers.accp());
            case SUNJSSE -> JsseWorkloads.create(scenario, credential, root, null);
            case CONSCRYPT -> JsseWorkloads.create(scenario, credential, root, Providers.conscrypt());
            case FLOOR -> new Floor(scenario, credential, root, null);
            case FLOOR_ACCP -> new Floor(scenario, credential, root, Providers.accp());
        };
        check(scenario, engine, workload);
        return workload;
    }

    /**
     * Runs three operations (the first of a resumption scenario makes the ticket) and checks the last
     * negotiated the scenario's version, suite and kind of handshake.
     */
    static void check(Scenario scenario, Engine engine, Workload workload) throws Exception {
        for (int i = 0; i < 3; i++) {
            workload.run();
        }
        Workload.Negotiated negotiated = workload.negotiated();
        if (engine.isFloor()) {
            return;
        }
        boolean conscryptChacha = engine == Engine.CONSCRYPT && scenario == Scenario.TRANSFER_CHACHA20_16K;
        String protocol = conscryptChacha ? "TLSv1.2" : scenario.protocol();
        String suite = conscryptChacha ? "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256" : scenario.suite();
        boolean resumed = scenario.kind() == Scenario.Kind.RESUMED;
        if (negotiated == null || !negotiated.protocol().equals(protocol) || !negotiated.suite().equals(suite)
            || (scenario.kind() != Scenario.Kind.TRANSFER && negotiated.resumed() != resumed)) {
            throw new IllegalStateException(engine.label() + " in " + scenario.id() + " negotiated " + negotiated
                + ", not " + protocol + " " + suite + (resumed ? " resumed" : " full"));
        }
    }
}
