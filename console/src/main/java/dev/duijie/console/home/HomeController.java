package dev.duijie.console.home;

import dev.duijie.console.signin.Person;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page a person lands on: their main role's home, what to do when they have no role yet, or (for the talent
 * side, whose pages come with "Web console II") where to find those features meanwhile.
 */
@Controller
class HomeController {

    private final Map<String, RoleHome> homes;

    HomeController(List<RoleHome> homes) {
        this.homes = homes.stream().collect(Collectors.toMap(RoleHome::role, Function.identity()));
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal Person person, Model model) {
        String role = person.mainRole();
        if (role == null) {
            return "home/no-role";
        }
        RoleHome home = homes.get(role);
        return home == null ? "home/later" : home.show(person, model);
    }
}
