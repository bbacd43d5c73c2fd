package io.github.pendoclient.sync;

/**
 * How the {@code visitors} and {@code accounts} tables hold the fields of Pendo's metadata schema.
 *
 * <p>Either way the {@code metadata} column keeps every group as JSON and {@code raw} the whole row, so nothing is
 * lost; {@link #TYPED} adds one column per field, named and typed after the schema, as the Singer tap, Stitch and
 * Hevo do.
 */
public enum MetadataColumns {
    /**
     * One column per field of the metadata schema, {@code <group>_<field>}, typed from the schema (the default). A
     * field added to the schema adds its column on the next run; see docs/pendo-sync.md for the naming rule and the
     * type of each schema type in each sink.
     */
    TYPED,
    /** The metadata as one JSON column only, as pendo-sync wrote it before typed columns. */
    JSON
}
