package io.github.pendoclient.sync.push;

import io.github.pendoclient.resource.MetadataKind;
import java.util.Optional;

/** What a push writes: the metadata of visitors, accounts or parent accounts, or track events. */
public enum PushKind {
    /** Visitor metadata, matched on the visitor id. */
    VISITOR(MetadataKind.VISITOR),
    /** Account metadata, matched on the account id. */
    ACCOUNT(MetadataKind.ACCOUNT),
    /**
     * Parent account metadata, matched on the parent account id. Pendo's public docs do not describe this endpoint;
     * it is written as {@link MetadataKind#PARENT_ACCOUNT} says.
     */
    PARENT_ACCOUNT(MetadataKind.PARENT_ACCOUNT),
    /** Track events, one per source row, each delivered once by its unique key. */
    TRACK_EVENT(null);

    private final MetadataKind metadataKind;

    PushKind(MetadataKind metadataKind) {
        this.metadataKind = metadataKind;
    }

    /**
     * The SDK's metadata kind of this object kind.
     *
     * @return the metadata kind, or empty for {@link #TRACK_EVENT}
     */
    public Optional<MetadataKind> metadataKind() {
        return Optional.ofNullable(metadataKind);
    }

    /**
     * Whether this kind writes metadata (anything but {@link #TRACK_EVENT}).
     *
     * @return true for visitors, accounts and parent accounts
     */
    public boolean isMetadata() {
        return metadataKind != null;
    }
}
