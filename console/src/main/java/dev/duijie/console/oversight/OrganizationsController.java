package dev.duijie.console.oversight;

import dev.duijie.console.backend.BackendProblem;
import dev.duijie.console.backend.api.OrganizationsApi;
import dev.duijie.console.backend.api.ReferenceDataApi;
import dev.duijie.console.backend.model.Organization;
import dev.duijie.console.backend.model.Verification;
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
 * 机构审核: the organizations waiting for the regulator to check their licence, each verified with a confirmation,
 * and the ones already verified.
 */
@Controller
class OrganizationsController {

    private final OrganizationDirectory directory;
    private final OrganizationsApi organizations;
    private final ReferenceDataApi referenceData;

    OrganizationsController(
            OrganizationDirectory directory, OrganizationsApi organizations, ReferenceDataApi referenceData) {
        this.directory = directory;
        this.organizations = organizations;
        this.referenceData = referenceData;
    }

    @GetMapping("/organizations")
    String list(Model model) {
        return show(model, null, null, null, false);
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
            return show(model, organizationId, problem, note, licenceChecked);
        }
    }

    private String show(
            Model model,
            @Nullable UUID failedId,
            @Nullable BackendProblem problem,
            @Nullable String note,
            boolean licenceChecked) {
        var everyone = directory.everyone();
        model.addAttribute("waiting", everyone.waiting());
        model.addAttribute("verified", everyone.verified());
        model.addAttribute("cutShort", everyone.cutShort());
        model.addAttribute("names", ReferenceNames.read(referenceData));
        model.addAttribute("failedId", failedId);
        model.addAttribute("problem", problem);
        model.addAttribute("note", note);
        model.addAttribute("licenceChecked", licenceChecked);
        return "regulator/organizations";
    }
}
