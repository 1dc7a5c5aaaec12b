package org.opd.orchestrator.assistant;

import java.util.ArrayList;
import java.util.List;

import org.opd.orchestrator.assistant.Prompt.Choice;
import org.opd.orchestrator.assistant.Prompt.Menu;

/**
 * One page of a list question. A WhatsApp list holds ten rows: up to ten answers show as they are; more
 * show nine a page and a last row "More…" to the next page, while there is one.
 *
 * @param page the page shown: the one asked for, or the first when there is no such page
 */
record ListPage(int page, List<Choice> rows) {

    static final int SIZE = Menu.MAX - 1;

    static ListPage of(List<Choice> all, int asked, Choice more) {
        if (all.size() <= Menu.MAX) {
            return new ListPage(0, all);
        }
        int page = (long) asked * SIZE >= all.size() ? 0 : asked;
        List<Choice> rows = new ArrayList<>(all.subList(page * SIZE, Math.min(all.size(), (page + 1) * SIZE)));
        if ((page + 1) * SIZE < all.size()) {
            rows.add(more);
        }
        return new ListPage(page, rows);
    }
}
