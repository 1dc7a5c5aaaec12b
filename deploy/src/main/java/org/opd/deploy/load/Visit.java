package org.opd.deploy.load;

import java.util.UUID;

/** One patient's token in a simulated morning, and whether this patient will not turn up. */
record Visit(UUID tokenId, boolean noShow) {
}
