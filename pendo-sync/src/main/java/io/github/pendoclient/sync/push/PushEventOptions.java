package io.github.pendoclient.sync.push;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How source rows become track events ({@link PushKind#TRACK_EVENT}): where the event name, the visitor and account
 * ids, the timestamp, the unique key and the properties come from. The event name comes from a column or is a
 * constant (exactly one of the two); the visitor id and unique key columns are required. Without a timestamp column
 * each event is stamped with the time it is sent. Properties are the listed columns, or when none are listed every
 * column not used otherwise. Immutable: start from {@link #builder()}, derive with {@link #toBuilder()}.
 */
public final class PushEventOptions {

    private final String nameColumn;
    private final String name;
    private final String visitorIdColumn;
    private final String accountIdColumn;
    private final String timestampColumn;
    private final String uniqueKeyColumn;
    private final List<String> propertyColumns;

    private PushEventOptions(Builder builder) {
        this.nameColumn = builder.nameColumn;
        this.name = builder.name;
        this.visitorIdColumn = builder.visitorIdColumn;
        this.accountIdColumn = builder.accountIdColumn;
        this.timestampColumn = builder.timestampColumn;
        this.uniqueKeyColumn = builder.uniqueKeyColumn;
        this.propertyColumns = builder.propertyColumns;
    }

    /**
     * A builder with nothing set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.nameColumn = nameColumn;
        builder.name = name;
        builder.visitorIdColumn = visitorIdColumn;
        builder.accountIdColumn = accountIdColumn;
        builder.timestampColumn = timestampColumn;
        builder.uniqueKeyColumn = uniqueKeyColumn;
        builder.propertyColumns = propertyColumns;
        return builder;
    }

    /**
     * The column holding each event's name.
     *
     * @return the column, or empty when the name is a constant
     */
    public Optional<String> nameColumn() {
        return Optional.ofNullable(nameColumn);
    }

    /**
     * The constant event name.
     *
     * @return the name, or empty when it comes from a column
     */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /**
     * The column holding the visitor id.
     *
     * @return the column, or empty when not set (a push then refuses to start)
     */
    public Optional<String> visitorIdColumn() {
        return Optional.ofNullable(visitorIdColumn);
    }

    /**
     * The column holding the account id.
     *
     * @return the column, or empty for events without an account
     */
    public Optional<String> accountIdColumn() {
        return Optional.ofNullable(accountIdColumn);
    }

    /**
     * The column holding the timestamp: epoch milliseconds, an ISO-8601 instant or date-time (UTC when it has no
     * offset), or a SQL timestamp.
     *
     * @return the column, or empty to stamp events when sent
     */
    public Optional<String> timestampColumn() {
        return Optional.ofNullable(timestampColumn);
    }

    /**
     * The column holding each event's unique key: an event whose key was delivered before is not sent again.
     *
     * @return the column, or empty when not set (a push then refuses to start)
     */
    public Optional<String> uniqueKeyColumn() {
        return Optional.ofNullable(uniqueKeyColumn);
    }

    /**
     * The columns sent as properties, under their column names.
     *
     * @return the columns; empty means every column not used for the name, ids, timestamp or key
     */
    public List<String> propertyColumns() {
        return propertyColumns;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PushEventOptions that
                && Objects.equals(that.nameColumn, nameColumn)
                && Objects.equals(that.name, name)
                && Objects.equals(that.visitorIdColumn, visitorIdColumn)
                && Objects.equals(that.accountIdColumn, accountIdColumn)
                && Objects.equals(that.timestampColumn, timestampColumn)
                && Objects.equals(that.uniqueKeyColumn, uniqueKeyColumn)
                && that.propertyColumns.equals(propertyColumns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                nameColumn, name, visitorIdColumn, accountIdColumn, timestampColumn, uniqueKeyColumn, propertyColumns);
    }

    @Override
    public String toString() {
        return "PushEventOptions[nameColumn=" + nameColumn + ", name=" + name + ", visitorIdColumn=" + visitorIdColumn
                + ", accountIdColumn=" + accountIdColumn + ", timestampColumn=" + timestampColumn
                + ", uniqueKeyColumn=" + uniqueKeyColumn + ", propertyColumns=" + propertyColumns + "]";
    }

    /** Builds {@link PushEventOptions}. */
    public static final class Builder {
        private String nameColumn;
        private String name;
        private String visitorIdColumn;
        private String accountIdColumn;
        private String timestampColumn;
        private String uniqueKeyColumn;
        private List<String> propertyColumns = List.of();

        private Builder() {}

        /**
         * The column holding each event's name; clears a constant name.
         *
         * @param column the column
         * @return this builder
         */
        public Builder nameColumn(String column) {
            this.nameColumn = requireText(column, "nameColumn");
            this.name = null;
            return this;
        }

        /**
         * A constant event name for every row; clears a name column.
         *
         * @param name the event name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = requireText(name, "name");
            this.nameColumn = null;
            return this;
        }

        /**
         * The column holding the visitor id (required).
         *
         * @param column the column
         * @return this builder
         */
        public Builder visitorIdColumn(String column) {
            this.visitorIdColumn = requireText(column, "visitorIdColumn");
            return this;
        }

        /**
         * The column holding the account id (optional).
         *
         * @param column the column
         * @return this builder
         */
        public Builder accountIdColumn(String column) {
            this.accountIdColumn = requireText(column, "accountIdColumn");
            return this;
        }

        /**
         * The column holding the timestamp (optional).
         *
         * @param column the column
         * @return this builder
         */
        public Builder timestampColumn(String column) {
            this.timestampColumn = requireText(column, "timestampColumn");
            return this;
        }

        /**
         * The column holding each event's unique key (required).
         *
         * @param column the column
         * @return this builder
         */
        public Builder uniqueKeyColumn(String column) {
            this.uniqueKeyColumn = requireText(column, "uniqueKeyColumn");
            return this;
        }

        /**
         * The columns sent as properties; none (the default) means every column not otherwise used.
         *
         * @param columns the columns
         * @return this builder
         */
        public Builder propertyColumns(List<String> columns) {
            this.propertyColumns = List.copyOf(columns);
            this.propertyColumns.forEach(column -> requireText(column, "propertyColumns"));
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the immutable options
         */
        public PushEventOptions build() {
            return new PushEventOptions(this);
        }

        private static String requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " must be a non-empty column or name");
            }
            return value;
        }
    }
}
