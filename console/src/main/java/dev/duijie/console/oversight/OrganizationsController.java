package dev.duijie.console.oversight;

import dev.duijie.console.backend.BackendProblem;
import dev.duijie.console.backend.api.OrganizationsApi;
import dev.duijie.console.backend.model.Organization;
import dev.duijie.console.backend.model.OrganizationPage;
import dev.duijie.console.backend.model.Verification;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 机构审核: the organizations waiting for the regulator to check their licence (all of them, the one waiting longest
 * first), each verified with a confirmation; then the ones already verified, a page at a time. A stored credit code's
 * check digit was checked by the backend on registration, so the page says so and checks nothing itself.
 */
@Controller
class OrganizationsController {

    /** Verified organizations shown at once; the next page on request. */
    static final int VERIFIED_PAGE = 50;

    private final OrganizationDirectory directory;
    private final OrganizationsApi organizations;

    OrganizationsController(OrganizationDirectory directory, OrganizationsApi organizations) {
        this.directory = directory;
        this.organizations = organizations;
    }

    @GetMapping("/organizations")
    String list(@RequestParam(required = false) @Nullable String cursor, Model model) {
        return show(model, cursor, null, null, null, false);
    }

    @PostMapping("/organizations/{organizationId}/verification")
    String verify(
            @PathVariable UUID organizationId,
            @RequestParam(defaultValue = "false") boolean licenceChecked,
            @RequestParam(defaultValue = "") String note,
            Model model,
            RedirectAttributes redirect) {
        try {
            Organization verified = organizations
                    .verifyOrganization(
                            organizationId, new Verification(licenceChecked).note(note.isBlank() ? null : note.strip()))
                    .getBody();
            redirect.addFlashAttribute("justVerified", verified == null ? "" : verified.getName());
            return "redirect:/organizations";
        } catch (RestClientResponseException failure) {
            BackendProblem problem = BackendProblem.from(failure);
            if (problem.status() != 400) {
                throw failure;
            }
            return show(model, null, organizationId, problem, note, licenceChecked);
        }
    }

    private String show(
            Model model,
            @Nullable String verifiedCursor,
            @Nullable UUID failedId,
            @Nullable BackendProblem problem,
            @Nullable String note,
            boolean licenceChecked) {
        var unverified = directory.waiting();
        model.addAttribute("waiting", unverified.waiting());
        model.addAttribute("cutShort", unverified.cutShort());
        OrganizationPage verified = organizations
                .listOrganizations(true, verifiedCursor, VERIFIED_PAGE)
                .getBody();
        model.addAttribute("verifiedCursor", verifiedCursor);
        model.addAttribute("verified", verified == null ? List.of() : verified.getItems());
        model.addAttribute("verifiedNext", verified == null ? null : verified.getNextCursor());
        model.addAttribute("failedId", failedId);
        model.addAttribute("problem", problem);
        model.addAttribute("note", note);
        model.addAttribute("licenceChecked", licenceChecked);
        return "regulator/organizations";
    }
}
