package io.github.pendoclient.resource;

import java.util.Objects;

/**
 * Options of a metadata bulk update. Defaults: 500 rows per request, no {@code create=true}, split retries on, no
 * schema validation. Pendo documents no maximum batch size; one pipeline sends 1,000. Immutable: start from
 * {@link #defaults()} or {@link #builder()}, and derive with {@link #toBuilder()}.
 */
public final class BulkUpdateOptions {

    /** Default rows per request. */
    public static final int DEFAULT_CHUNK_SIZE = 500;

    private static final BulkUpdateOptions DEFAULTS = new Builder().build();

    private final int chunkSize;
    private final boolean create;
    private final boolean splitRetries;
    private final boolean validateTypes;

    private BulkUpdateOptions(Builder builder) {
        this.chunkSize = builder.chunkSize;
        this.create = builder.create;
        this.splitRetries = builder.splitRetries;
        this.validateTypes = builder.validateTypes;
    }

    /**
     * The defaults.
     *
     * @return the default options
     */
    public static BulkUpdateOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the {@linkplain #defaults() defaults}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder()
                .chunkSize(chunkSize)
                .create(create)
                .splitRetries(splitRetries)
                .validateTypes(validateTypes);
    }

    /**
     * Rows per request.
     *
     * @return at least 1
     */
    public int chunkSize() {
        return chunkSize;
    }

    /**
     * Whether {@code create=true} is sent, creating unknown visitors or accounts.
     *
     * @return true to create them
     */
    public boolean create() {
        return create;
    }

    /**
     * Whether a batch Pendo rejects as a whole (400 or 422) is bisected to isolate the rejected rows and apply the
     * rest.
     *
     * @return true to bisect
     */
    public boolean splitRetries() {
        return splitRetries;
    }

    /**
     * Whether values are checked against the metadata schema's {@code Type} before sending; rows that fail are
     * rejected locally and reported.
     *
     * @return true to validate
     */
    public boolean validateTypes() {
        return validateTypes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BulkUpdateOptions that
                && that.chunkSize == chunkSize
                && that.create == create
                && that.splitRetries == splitRetries
                && that.validateTypes == validateTypes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(chunkSize, create, splitRetries, validateTypes);
    }

    @Override
    public String toString() {
        return "BulkUpdateOptions[chunkSize=" + chunkSize + ", create=" + create + ", splitRetries=" + splitRetries
                + ", validateTypes=" + validateTypes + "]";
    }

    /** Builds {@link BulkUpdateOptions}; setters validate at once. */
    public static final class Builder {
        private int chunkSize = DEFAULT_CHUNK_SIZE;
        private boolean create;
        private boolean splitRetries = true;
        private boolean validateTypes;

        private Builder() {}

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
            return new BulkUpdateOptions(this);
        }
    }
}
