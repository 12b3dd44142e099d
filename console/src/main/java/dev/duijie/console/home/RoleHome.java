package dev.duijie.console.home;

import dev.duijie.console.signin.Person;
import org.springframework.ui.Model;

/**
 * One role's home page: what needs this person now. Each role's screens provide theirs; the home page shows the
 * one for the person's main role.
 */
public interface RoleHome {

    /** The realm role this home is for, e.g. {@code bank}. */
    String role();

    /**
     * Fills the model for this person's home page.
     *
     * @return the template to render
     */
    String show(Person person, Model model);
}
