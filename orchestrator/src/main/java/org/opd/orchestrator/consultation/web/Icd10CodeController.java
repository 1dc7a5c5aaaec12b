package org.opd.orchestrator.consultation.web;

import java.util.List;

import org.opd.orchestrator.consultation.Icd10Code;
import org.opd.orchestrator.consultation.Icd10Codes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The diagnosis picker: ICD-10-CM codes by the start of the code or by words of the description. */
@RestController
@RequestMapping("/api/v1/icd10-codes")
class Icd10CodeController {

    private static final int DEFAULT_LIMIT = 20;

    private final Icd10Codes codes;

    Icd10CodeController(Icd10Codes codes) {
        this.codes = codes;
    }

    /** @param q {@code E11}, {@code e11.9} or words such as {@code type 2 diab} */
    @GetMapping
    Icd10CodesResponse search(@RequestParam(required = false) String q,
                              @RequestParam(required = false) @Min(1) @Max(50) Integer limit) {
        List<Icd10Code> found = codes.search(q, limit == null ? DEFAULT_LIMIT : limit);
        return new Icd10CodesResponse(found.stream().map(Icd10CodesResponse.Item::of).toList());
    }

    /** @param items the best matches first */
    record Icd10CodesResponse(List<Item> items) {

        /** @param code as clinicians write it ({@code E11.9}); @param billable false for a category's heading */
        record Item(String code, String description, boolean billable) {

            static Item of(Icd10Code code) {
                return new Item(code.dotted(), code.description(), code.billable());
            }
        }
    }
}
