package org.opd.orchestrator.specialty.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record CreateSpecialtyRequest(
        @NotNull @Size(max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                message = "must be lower-case letters and digits, words joined by single hyphens") String slug,
        @NotBlank @Size(max = 100) String nameEn,
        @NotBlank @Size(max = 100) String nameHi,
        @Size(max = 64) @Pattern(regexp = "[a-z0-9-]+", message = "must be an icon name: lower-case letters, digits, hyphens") String icon) {
}
