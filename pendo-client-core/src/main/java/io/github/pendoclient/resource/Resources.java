package io.github.pendoclient.resource;

import io.github.pendoclient.internal.http.PendoHttp;
import io.github.pendoclient.internal.http.ResourceAccess;
import io.github.pendoclient.model.Feature;
import io.github.pendoclient.model.Page;
import io.github.pendoclient.model.TrackType;

/** The one way to build this package's resources from outside it: {@link ResourceAccess}, for PendoClient. */
final class Resources implements ResourceAccess.Factory {

    @Override
    public CatalogResource<Feature> features(PendoHttp http) {
        return CatalogResource.features(http);
    }

    @Override
    public CatalogResource<Page> pages(PendoHttp http) {
        return CatalogResource.pages(http);
    }

    @Override
    public CatalogResource<TrackType> trackTypes(PendoHttp http) {
        return CatalogResource.trackTypes(http);
    }

    @Override
    public GuideResource guides(PendoHttp http) {
        return new GuideResource(http);
    }

    @Override
    public VisitorResource visitors(PendoHttp http) {
        return new VisitorResource(http);
    }

    @Override
    public AccountResource accounts(PendoHttp http) {
        return new AccountResource(http);
    }

    @Override
    public MetadataResource metadata(PendoHttp http) {
        return new MetadataResource(http);
    }

    @Override
    public SegmentResource segments(PendoHttp http) {
        return new SegmentResource(http);
    }

    @Override
    public ReportResource reports(PendoHttp http) {
        return new ReportResource(http);
    }

    @Override
    public BulkDeleteResource bulkDelete(PendoHttp http) {
        return new BulkDeleteResource(http);
    }
}
