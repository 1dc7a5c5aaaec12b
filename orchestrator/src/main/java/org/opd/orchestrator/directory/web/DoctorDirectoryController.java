package org.opd.orchestrator.directory.web;

import java.util.UUID;
import java.util.function.Function;

import org.opd.orchestrator.directory.DirectoryEntry;
import org.opd.orchestrator.directory.DoctorDirectory;
import org.opd.orchestrator.web.PageParameters;
import org.opd.orchestrator.web.PageResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

@RestController
class DoctorDirectoryController {

    private final DoctorDirectory directory;

    DoctorDirectoryController(DoctorDirectory directory) {
        this.directory = directory;
    }

    /**
     * The hospital's active doctors, soonest free slot first (those without one within {@code days} last, by name).
     *
     * @param specialty a specialty's slug
     * @param name      part of the doctor's name
     * @param available true: only doctors with a free slot within {@code days}
     */
    @GetMapping("/api/v1/hospitals/{hospitalId}/doctor-directory")
    PageResponse<DirectoryEntry> search(@PathVariable UUID hospitalId, @Valid PageParameters paging,
                                        @RequestParam(required = false) @Size(max = 64) String specialty,
                                        @RequestParam(required = false) @Size(max = 100) String name,
                                        @RequestParam(defaultValue = "" + DoctorDirectory.DEFAULT_DAYS) int days,
                                        @RequestParam(defaultValue = "false") boolean available) {
        return PageResponse.of(directory.search(hospitalId, specialty, name, days, available, paging.toPageRequest()),
                Function.identity());
    }
}
