package io.github.pendoclient.internal.http;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.model.Feature;
import io.github.pendoclient.model.Page;
import io.github.pendoclient.model.TrackType;
import io.github.pendoclient.resource.AccountResource;
import io.github.pendoclient.resource.BulkDeleteResource;
import io.github.pendoclient.resource.CatalogResource;
import io.github.pendoclient.resource.GuideResource;
import io.github.pendoclient.resource.MetadataResource;
import io.github.pendoclient.resource.ReportResource;
import io.github.pendoclient.resource.SegmentResource;
import io.github.pendoclient.resource.VisitorResource;
import java.util.Objects;

/**
 * How {@link PendoClient} builds its resources. Their constructors are package-private, so that no public signature
 * takes the internal {@link PendoHttp} and {@code client.visitors()} and friends are the only way to a resource; the
 * resource package registers a {@link Factory} here when its classes initialise, as {@link ClientStacks} does for the
 * client's stack (the pattern of the JDK's own {@code SharedSecrets}). Internal.
 */
public final class ResourceAccess {

    private static volatile Factory factory;

    private ResourceAccess() {}

    /** Builds each resource on a stack. */
    public interface Factory {

        /**
         * The feature catalog.
         *
         * @param http the stack
         * @return the resource
         */
        CatalogResource<Feature> features(PendoHttp http);

        /**
         * The page catalog.
         *
         * @param http the stack
         * @return the resource
         */
        CatalogResource<Page> pages(PendoHttp http);

        /**
         * The track-type catalog.
         *
         * @param http the stack
         * @return the resource
         */
        CatalogResource<TrackType> trackTypes(PendoHttp http);

        /**
         * Guides.
         *
         * @param http the stack
         * @return the resource
         */
        GuideResource guides(PendoHttp http);

        /**
         * Visitors.
         *
         * @param http the stack
         * @return the resource
         */
        VisitorResource visitors(PendoHttp http);

        /**
         * Accounts.
         *
         * @param http the stack
         * @return the resource
         */
        AccountResource accounts(PendoHttp http);

        /**
         * Metadata.
         *
         * @param http the stack
         * @return the resource
         */
        MetadataResource metadata(PendoHttp http);

        /**
         * Segments.
         *
         * @param http the stack
         * @return the resource
         */
        SegmentResource segments(PendoHttp http);

        /**
         * Reports.
         *
         * @param http the stack
         * @return the resource
         */
        ReportResource reports(PendoHttp http);

        /**
         * Bulk delete.
         *
         * @param http the stack
         * @return the resource
         */
        BulkDeleteResource bulkDelete(PendoHttp http);
    }

    /**
     * Called once, by the resource package's class initialiser; a second registration is refused.
     *
     * @param resources the factory
     */
    public static synchronized void register(Factory resources) {
        if (factory != null) {
            throw new IllegalStateException("The resource factory is registered once, by the resource package");
        }
        factory = Objects.requireNonNull(resources, "resources");
    }

    /**
     * The registered factory, initialising the resource package first if nothing has yet.
     *
     * @return the factory
     */
    public static Factory factory() {
        Factory current = factory;
        if (current == null) {
            // Every resource extends the package's base class, whose initialiser registers the factory.
            try {
                Class.forName(AccountResource.class.getName(), true, AccountResource.class.getClassLoader());
            } catch (ClassNotFoundException impossible) {
                throw new IllegalStateException(impossible);
            }
            current = factory;
        }
        return current;
    }
}
