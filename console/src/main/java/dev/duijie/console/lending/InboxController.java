package dev.duijie.console.lending;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** /inbox: one section per active loan product, its matching open requests ranked, each with why. */
@Controller
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/inbox")
    String inbox(Model model) {
        model.addAttribute("sections", inbox.sections());
        return "bank/inbox";
    }
}
