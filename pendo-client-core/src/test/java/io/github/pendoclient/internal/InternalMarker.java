package io.github.pendoclient.internal;

/** A public type in an internal package, for PublicSurfaceTest to find in a supertype. */
public interface InternalMarker {}
