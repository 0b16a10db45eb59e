package dev.handshake.cli.trace;

import java.util.ArrayList;
import java.util.List;

/** What one side sent before it waited for the other: consecutive wire steps from one sender. */
public record Flight(Side sender, List<TraceStep> steps) {

    public Flight {
        steps = List.copyOf(steps);
    }

    /** The wire steps of a connection grouped into flights, in order. */
    public static List<Flight> of(List<TraceStep> trace) {
        List<Flight> flights = new ArrayList<>();
        List<TraceStep> current = new ArrayList<>();
        Side sender = null;
        for (TraceStep step : trace) {
            if (!step.onWire()) {
                continue;
            }
            if (sender != null && step.sender() != sender) {
                flights.add(new Flight(sender, current));
                current = new ArrayList<>();
            }
            sender = step.sender();
            current.add(step);
        }
        if (!current.isEmpty()) {
            flights.add(new Flight(sender, current));
        }
        return flights;
    }

    /** Whether the flight carries handshake messages (or ChangeCipherSpec), not only data and alerts. */
    public boolean handshake() {
        return steps.stream().anyMatch(TraceStep::handshake);
    }
}
