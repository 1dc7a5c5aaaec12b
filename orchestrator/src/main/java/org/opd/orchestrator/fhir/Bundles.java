package org.opd.orchestrator.fhir;

import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/** Search answers: a {@code searchset} Bundle of one page, its total, and self / next / previous links. */
final class Bundles {

    private Bundles() {
    }

    /** This server's base URL, as the client called it ({@code http://host:port/fhir}). */
    static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(FhirConfiguration.BASE).toUriString();
    }

    /**
     * @param all the whole result, of which the page of {@code _count} from {@code _offset} is sent
     */
    static Bundle searchset(HttpServletRequest request, Search search, List<? extends Resource> all) {
        int count = search.count();
        int offset = search.offset();
        List<? extends Resource> page = all.subList(Math.min(offset, all.size()), Math.min(offset + count, all.size()));
        return searchset(request, search, page, all.size());
    }

    /** @param page already cut to {@code _count} from {@code _offset}; {@code total} matches in all */
    static Bundle searchset(HttpServletRequest request, Search search, List<? extends Resource> page, int total) {
        int count = search.count();
        int offset = search.offset();
        Bundle bundle = new Bundle();
        bundle.setId(UUID.randomUUID().toString());
        bundle.getMeta().setLastUpdated(new Date());
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal(total);
        bundle.addLink().setRelation("self").setUrl(pageUrl(request, offset, count));
        if (offset + count < total && count > 0) {
            bundle.addLink().setRelation("next").setUrl(pageUrl(request, offset + count, count));
        }
        if (offset > 0) {
            bundle.addLink().setRelation("previous").setUrl(pageUrl(request, Math.max(0, offset - count), count));
        }
        String base = base();
        for (Resource resource : page) {
            Bundle.BundleEntryComponent entry = bundle.addEntry().setResource(resource);
            if (resource.hasIdElement() && resource.getIdElement().hasIdPart()) {
                entry.setFullUrl(base + "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart());
            } else {
                // Not stored ($find's proposals): R4 wants an id on every search result, so a local one, named by the
                // entry's urn:uuid fullUrl as FHIR does for a resource no server holds ($hold takes a proposal by its slot).
                String local = UUID.randomUUID().toString();
                resource.setId(local);
                entry.setFullUrl("urn:uuid:" + local);
            }
            entry.getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    private static String pageUrl(HttpServletRequest request, int offset, int count) {
        UriComponentsBuilder url = ServletUriComponentsBuilder.fromRequest(request);
        if (offset == 0) {
            url.replaceQueryParam("_offset");
        } else {
            url.replaceQueryParam("_offset", offset);
        }
        url.replaceQueryParam("_count", count);
        return url.build().toUriString();
    }
}
