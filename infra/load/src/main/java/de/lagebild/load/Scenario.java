package de.lagebild.load;

/** One benchmark: it drives load, measures and prints its figures (see {@link LatencyReport}). */
public interface Scenario {

    void run(String[] args) throws Exception;
}
