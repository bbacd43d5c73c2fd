package io.github.pendoclient.resource;

import io.github.pendoclient.internal.CoreAccess;
import io.github.pendoclient.internal.http.PendoHttp;
import io.github.pendoclient.model.Feature;
import io.github.pendoclient.model.Page;
import io.github.pendoclient.model.TrackType;

/**
 * The one way to build this package's resources from outside it: each constructor is lent to {@link CoreAccess} as a
 * view of a stack, for {@code PendoClient}. The three catalogs share a class and are told apart by their model type.
 */
final class Resources {

    private Resources() {}

    /** Called once, by the initialiser of {@link Resource}, which every resource extends. */
    static void lend() {
        CoreAccess.lend(PendoHttp.class, CatalogResource.class, Feature.class, CatalogResource::features);
        CoreAccess.lend(PendoHttp.class, CatalogResource.class, Page.class, CatalogResource::pages);
        CoreAccess.lend(PendoHttp.class, CatalogResource.class, TrackType.class, CatalogResource::trackTypes);
        CoreAccess.lend(PendoHttp.class, GuideResource.class, GuideResource::new);
        CoreAccess.lend(PendoHttp.class, VisitorResource.class, VisitorResource::new);
        CoreAccess.lend(PendoHttp.class, AccountResource.class, AccountResource::new);
        CoreAccess.lend(PendoHttp.class, MetadataResource.class, MetadataResource::new);
        CoreAccess.lend(PendoHttp.class, SegmentResource.class, SegmentResource::new);
        CoreAccess.lend(PendoHttp.class, ReportResource.class, ReportResource::new);
        CoreAccess.lend(PendoHttp.class, BulkDeleteResource.class, BulkDeleteResource::new);
    }
}
