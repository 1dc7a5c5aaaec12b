package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.postgresql.PGConnection;

/**
 * Loads the ICD-10-CM code list shipped in this jar ({@code icd10cm/README.md}: CMS / NCHS FY2022
 * release, 95,524 codes and headings) into {@code icd10_codes} with one {@code COPY}. A Java
 * migration because the list is shipped compressed; its checksum is the file's, so Flyway's
 * validation notices a replaced file. A later release comes as a new migration with a new file.
 */
public class V36__icd10cm_codes extends BaseJavaMigration {

    static final String CODE_LIST = "/icd10cm/icd10cm-codes-2022.tsv.gz";

    @Override
    public void migrate(Context context) throws Exception {
        try (Reader rows = new InputStreamReader(new GZIPInputStream(open()), StandardCharsets.UTF_8)) {
            context.getConnection().unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY icd10_codes (code, billable, description) FROM STDIN", rows);
        }
    }

    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        try (InputStream in = open()) {
            byte[] buffer = new byte[8192];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                crc.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (int) crc.getValue();
    }

    private static InputStream open() {
        InputStream in = V36__icd10cm_codes.class.getResourceAsStream(CODE_LIST);
        if (in == null) {
            throw new IllegalStateException("The ICD-10-CM code list " + CODE_LIST + " is missing from the schemas jar");
        }
        return in;
    }
}
