package dev.duijie.console.lending;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** /inbox: one section per active loan product, its matching open requests ranked, each with why. */
@Controller
class InboxController {

    private final Inbox inbox;
    private final LendingDesk desk;

    InboxController(Inbox inbox, LendingDesk desk) {
        this.inbox = inbox;
        this.desk = desk;
    }

    @GetMapping("/inbox")
    String inbox(Model model) {
        model.addAttribute("sections", inbox.sections());
        return "bank/inbox";
    }
}
