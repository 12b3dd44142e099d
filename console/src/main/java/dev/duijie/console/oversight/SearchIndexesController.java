package dev.duijie.console.oversight;

import dev.duijie.console.backend.BackendProblem;
import dev.duijie.console.backend.api.SearchIndexesApi;
import dev.duijie.console.backend.model.IndexRebuild;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 搜索索引: rebuild one search index from the database (after a mapping change or a lost index), with the result. */
@Controller
class SearchIndexesController {

    /** The contract's {@code indexName} values. */
    static final List<String> INDEXES = List.of(
            "financing-requests",
            "loan-products",
            "guarantee-products",
            "investment-offers",
            "talent-profiles",
            "talent-needs");

    private final SearchIndexesApi searchIndexes;

    SearchIndexesController(SearchIndexesApi searchIndexes) {
        this.searchIndexes = searchIndexes;
    }

    @GetMapping("/search-indexes")
    String page(Model model) {
        model.addAttribute("indexes", INDEXES);
        return "regulator/search-indexes";
    }

    @PostMapping("/search-indexes")
    String rebuild(@RequestParam(defaultValue = "") String indexName, Model model, RedirectAttributes redirect) {
        try {
            IndexRebuild rebuilt = searchIndexes.rebuildSearchIndex(indexName).getBody();
            redirect.addFlashAttribute("rebuilt", rebuilt);
            redirect.addFlashAttribute("rebuiltName", indexName);
            return "redirect:/search-indexes";
        } catch (RestClientResponseException failure) {
            BackendProblem problem = BackendProblem.from(failure);
            if (problem.status() >= 500 && problem.status() != 503) {
                throw failure;
            }
            model.addAttribute("indexes", INDEXES);
            model.addAttribute("indexName", indexName);
            model.addAttribute("problem", problem);
            return "regulator/search-indexes";
        }
    }
}
