package org.opd.orchestrator.specialty;

import java.util.UUID;

/**
 * A medical specialty of the shared lookup (spec 002).
 *
 * @param slug   lower-case words joined by hyphens (cardiology, ear-nose-throat): the directory's filter
 * @param nameHi the name in Hindi, the screens' second language
 * @param icon   an icon's name for booking pages, or null
 */
public record Specialty(UUID specialtyId, String slug, String nameEn, String nameHi, String icon) {
}
