package org.opd.orchestrator.consultation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The ICD-10-CM code list of table {@code icd10_codes} (loaded by migration V36). */
@Repository
public class Icd10Codes {

    private final JdbcClient jdbc;

    Icd10Codes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * For text that reads as the start of a code, the codes starting so, shortest (the category)
     * first; otherwise the codes whose description has every word (as prefixes), the valid
     * diagnosis codes first, then the best matches for their length (so the plain condition comes
     * before its many complications).
     */
    @Transactional(readOnly = true)
    public List<Icd10Code> search(String text, int limit) {
        Icd10Query query = Icd10Query.parse(text);
        if (query.codePrefix() != null) {
            return jdbc.sql("""
                            SELECT code, billable, description FROM icd10_codes
                            WHERE code LIKE :prefix || '%'
                            ORDER BY length(code), code LIMIT :limit
                            """)
                    .param("prefix", query.codePrefix()).param("limit", limit)
                    .query(Icd10Code.class).list();
        }
        return jdbc.sql("""
                        SELECT code, billable, description FROM icd10_codes, to_tsquery('english', :words) AS q
                        WHERE search_vector @@ q
                        ORDER BY billable DESC, ts_rank(search_vector, q, 2) DESC, length(description), code LIMIT :limit
                        """)
                .param("words", query.tsQuery()).param("limit", limit)
                .query(Icd10Code.class).list();
    }

    /** The entries of these stored codes that exist, by code. */
    Map<String, Icd10Code> find(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT code, billable, description FROM icd10_codes WHERE code IN (:codes)")
                .param("codes", codes)
                .query(Icd10Code.class).list().stream()
                .collect(Collectors.toMap(Icd10Code::code, Function.identity()));
    }
}
