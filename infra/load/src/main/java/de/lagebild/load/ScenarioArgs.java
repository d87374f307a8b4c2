package de.lagebild.load;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A scenario's arguments, given as {@code name=value} or {@code --name value}. */
public final class ScenarioArgs {

    private final Map<String, String> values = new HashMap<>();

    public ScenarioArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                values.put(args[i].substring(2), args[++i]);
            } else if (args[i].contains("=")) {
                String[] pair = args[i].split("=", 2);
                values.put(pair[0], pair[1]);
            } else {
                throw new IllegalArgumentException("expected name=value or --name value, got " + args[i]);
            }
        }
    }

    public String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        return Integer.parseInt(values.getOrDefault(name, String.valueOf(fallback)));
    }

    public double decimal(String name, double fallback) {
        return Double.parseDouble(values.getOrDefault(name, String.valueOf(fallback)));
    }

    /** A comma-separated list. */
    public List<String> list(String name, String fallback) {
        return List.of(values.getOrDefault(name, fallback).split(","));
    }
}
