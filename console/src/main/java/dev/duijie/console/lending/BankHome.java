package dev.duijie.console.lending;

import dev.duijie.console.backend.model.Bid;
import dev.duijie.console.backend.model.BidStatus;
import dev.duijie.console.backend.model.GuarantorDecisionValue;
import dev.duijie.console.home.RoleHome;
import dev.duijie.console.signin.Person;
import dev.duijie.console.web.Formats;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** A loan officer's home: new matches per product, the requests waiting longest for an answer, bids awaiting others. */
@Component
class BankHome implements RoleHome {

    private final Inbox inbox;
    private final LendingDesk desk;
    private final Formats formats;

    BankHome(Inbox inbox, LendingDesk desk, Formats formats) {
        this.inbox = inbox;
        this.desk = desk;
        this.formats = formats;
    }

    @Override
    public String role() {
        return "bank";
    }

    @Override
    public String show(Person person, Model model) {
        List<Bid> myBids = desk.myBids();
        List<Inbox.Section> sections = inbox.sections(myBids);
        List<Bid> submitted = myBids.stream()
                .filter(b -> b.getStatus() == BidStatus.SUBMITTED)
                .toList();
        model.addAttribute("sections", sections);
        model.addAttribute("waiting", Inbox.waitingLongest(sections, 5));
        model.addAttribute(
                "awaitingGuarantor",
                submitted.stream()
                        .filter(b -> b.getGuarantorDecision() == GuarantorDecisionValue.PENDING)
                        .toList());
        model.addAttribute(
                "awaitingFirm",
                submitted.stream()
                        .filter(b -> b.getGuarantorDecision() != GuarantorDecisionValue.PENDING)
                        .toList());
        model.addAttribute("fmt", formats);
        return "bank/home";
    }
}
