package io.github.pendoclient;

import io.github.pendoclient.internal.CoreAccess;
import io.github.pendoclient.internal.http.PendoHttp;
import io.github.pendoclient.model.Feature;
import io.github.pendoclient.model.Page;
import io.github.pendoclient.model.PendoObject;
import io.github.pendoclient.model.TrackType;
import io.github.pendoclient.resource.AccountResource;
import io.github.pendoclient.resource.BulkDeleteResource;
import io.github.pendoclient.resource.CatalogResource;
import io.github.pendoclient.resource.GuideResource;
import io.github.pendoclient.resource.MetadataResource;
import io.github.pendoclient.resource.ReportResource;
import io.github.pendoclient.resource.SegmentResource;
import io.github.pendoclient.resource.VisitorResource;

/** The resources of one {@link PendoClient}, all on its stack. */
record ClientResources(
        CatalogResource<Feature> features,
        CatalogResource<Page> pages,
        GuideResource guides,
        CatalogResource<TrackType> trackTypes,
        VisitorResource visitors,
        AccountResource accounts,
        MetadataResource metadata,
        SegmentResource segments,
        ReportResource reports,
        BulkDeleteResource bulkDelete) {

    /** Resource constructors are package-private; the resource package lends them as views of a stack. */
    static ClientResources on(PendoHttp http) {
        return new ClientResources(
                catalog(http, Feature.class),
                catalog(http, Page.class),
                CoreAccess.view(http, GuideResource.class),
                catalog(http, TrackType.class),
                CoreAccess.view(http, VisitorResource.class),
                CoreAccess.view(http, AccountResource.class),
                CoreAccess.view(http, MetadataResource.class),
                CoreAccess.view(http, SegmentResource.class),
                CoreAccess.view(http, ReportResource.class),
                CoreAccess.view(http, BulkDeleteResource.class));
    }

    // Unchecked: the resource package lends the catalog of each model type under that type's class (Resources).
    @SuppressWarnings("unchecked")
    private static <M extends PendoObject> CatalogResource<M> catalog(PendoHttp http, Class<M> model) {
        return CoreAccess.view(http, CatalogResource.class, model);
    }
}
