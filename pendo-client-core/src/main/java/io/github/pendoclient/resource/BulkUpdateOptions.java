package io.github.pendoclient.resource;

/**
 * Options of a metadata bulk update. Defaults: 500 rows per request, no {@code create=true}, split retries on, no
 * schema validation. Pendo documents no maximum batch size; one pipeline sends 1,000. Immutable: derive with
 * {@link #builder()}, {@link #toBuilder()} or the {@code with...} copies.
 *
 * @param chunkSize rows per request
 * @param create whether to send {@code create=true}, creating unknown visitors or accounts
 * @param splitRetries whether a batch Pendo rejects as a whole (400 or 422) is bisected to isolate the rejected rows
 *     and apply the rest
 * @param validateTypes whether values are checked against the metadata schema's {@code Type} before sending; rows
 *     that fail are rejected locally and reported
 */
public record BulkUpdateOptions(int chunkSize, boolean create, boolean splitRetries, boolean validateTypes) {

    /** Default rows per request. */
    public static final int DEFAULT_CHUNK_SIZE = 500;

    /**
     * Checks the chunk size.
     *
     * @param chunkSize rows per request
     * @param create whether to create unknown ids
     * @param splitRetries whether to bisect rejected batches
     * @param validateTypes whether to validate against the schema
     */
    public BulkUpdateOptions {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be at least 1, was " + chunkSize);
        }
    }

    /**
     * The defaults.
     *
     * @return the default options
     */
    public static BulkUpdateOptions defaults() {
        return new BulkUpdateOptions(DEFAULT_CHUNK_SIZE, false, true, false);
    }

    /**
     * A builder starting from the {@linkplain #defaults() defaults}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return defaults().toBuilder();
    }

    /**
     * A builder starting from these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().chunkSize(chunkSize).create(create).splitRetries(splitRetries)
                .validateTypes(validateTypes);
    }

    /**
     * A copy with another chunk size.
     *
     * @param size rows per request, at least 1
     * @return new options
     */
    public BulkUpdateOptions withChunkSize(int size) {
        return new BulkUpdateOptions(size, create, splitRetries, validateTypes);
    }

    /**
     * A copy that creates unknown visitors or accounts ({@code create=true}).
     *
     * @param value whether to create them
     * @return new options
     */
    public BulkUpdateOptions withCreate(boolean value) {
        return new BulkUpdateOptions(chunkSize, value, splitRetries, validateTypes);
    }

    /**
     * A copy with split retries on or off.
     *
     * @param value whether to bisect rejected batches
     * @return new options
     */
    public BulkUpdateOptions withSplitRetries(boolean value) {
        return new BulkUpdateOptions(chunkSize, create, value, validateTypes);
    }

    /**
     * A copy with schema validation on or off.
     *
     * @param value whether to validate values against the schema
     * @return new options
     */
    public BulkUpdateOptions withValidateTypes(boolean value) {
        return new BulkUpdateOptions(chunkSize, create, splitRetries, value);
    }

    /** Builds {@link BulkUpdateOptions}; setters validate at once. */
    public static final class Builder {
        private int chunkSize = DEFAULT_CHUNK_SIZE;
        private boolean create;
        private boolean splitRetries = true;
        private boolean validateTypes;

        private Builder() {
        }

        /**
         * Rows per request.
         *
         * @param chunkSize at least 1
         * @return this builder
         */
        public Builder chunkSize(int chunkSize) {
            if (chunkSize < 1) {
                throw new IllegalArgumentException("chunkSize must be at least 1, was " + chunkSize);
            }
            this.chunkSize = chunkSize;
            return this;
        }

        /**
         * Whether to send {@code create=true}, creating unknown visitors or accounts.
         *
         * @param create true to create them
         * @return this builder
         */
        public Builder create(boolean create) {
            this.create = create;
            return this;
        }

        /**
         * Whether a batch Pendo rejects as a whole is bisected to isolate the rejected rows and apply the rest.
         *
         * @param splitRetries true to bisect
         * @return this builder
         */
        public Builder splitRetries(boolean splitRetries) {
            this.splitRetries = splitRetries;
            return this;
        }

        /**
         * Whether values are checked against the metadata schema before sending.
         *
         * @param validateTypes true to validate
         * @return this builder
         */
        public Builder validateTypes(boolean validateTypes) {
            this.validateTypes = validateTypes;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the immutable options
         */
        public BulkUpdateOptions build() {
            return new BulkUpdateOptions(chunkSize, create, splitRetries, validateTypes);
        }
    }
}
