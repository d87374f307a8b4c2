package de.lagebild.common.problem;

/** A function's own way to recognise that one of its dependencies (say, S3) is down. */
public interface DependencyFailureSign {

    boolean isUnavailable(Throwable failure);
}
