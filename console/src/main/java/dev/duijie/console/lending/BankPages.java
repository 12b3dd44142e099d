package dev.duijie.console.lending;

import dev.duijie.console.web.Formats;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every bank page's templates use: the formats as a model variable ({@code ${fmt.wan(...)}}), because the
 * fragments htmx asks for are evaluated in Thymeleaf's restricted mode, which forbids bean references
 * ({@code @formats}).
 */
@ControllerAdvice(basePackageClasses = BankPages.class)
class BankPages {

    private final Formats formats;

    BankPages(Formats formats) {
        this.formats = formats;
    }

    @ModelAttribute("fmt")
    Formats fmt() {
        return formats;
    }
}
