package io.github.pendoclient.sync;

import java.util.Locale;

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
    JSON;

    /**
     * The form named in text, as the command's {@code --metadata-columns} takes it.
     *
     * @param text {@code typed} or {@code json}, in any case
     * @return the form
     * @throws IllegalArgumentException naming the two forms, for any other text
     */
    public static MetadataColumns parse(String text) {
        String name = String.valueOf(text).trim().toUpperCase(Locale.ROOT);
        for (MetadataColumns form : values()) {
            if (form.name().equals(name)) {
                return form;
            }
        }
        throw new IllegalArgumentException("Metadata columns are 'typed' (a column per metadata field) or 'json'"
                + " (the metadata JSON column only), got '" + text + "'");
    }
}
