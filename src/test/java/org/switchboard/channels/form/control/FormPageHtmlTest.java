package org.switchboard.channels.form.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.switchboard.channels.form.control.FormField.Text;
import org.switchboard.channels.form.control.FormService.LiveForm;

class FormPageHtmlTest {

    private static final String SCRIPT = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";

    @Test
    void whatAdminsAndVisitorsWroteIsShownAsTextNeverAsMarkup() {
        FormDefinition definition = new FormDefinition(List.of(
                new FormField("email", FieldKind.EMAIL, new Text(SCRIPT, null), new Text(SCRIPT, null), true, List.of(), null, null))).checked();
        String html = FormPageHtml.form(new LiveForm(1, "k", SCRIPT, definition, 2), Locale.ENGLISH, "t",
                Map.of("email", List.of(SCRIPT)), Map.of("email", "error.email"), "");
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;"), html);
    }

    @Test
    void eachInputHasItsLabelHelpAndErrorInTheVisitorsLanguage() {
        String html = FormPageHtml.form(new LiveForm(1, "k", "Yhteydenotto", FormFixtures.everyKind(), 2), Locale.forLanguageTag("fi"), "t",
                Map.of("campaign", List.of("spring")), Map.of("email", "error.email"), "");
        assertTrue(html.contains("<html lang=\"fi\">"), html);
        assertTrue(html.contains("<label for=\"f-email\">email otsikko <span class=\"sb-required\">(pakollinen)</span></label>"), html);
        assertTrue(html.contains("aria-invalid=\"true\" aria-describedby=\"f-email-error\""), html);
        assertTrue(html.contains("<p class=\"sb-error\" id=\"f-email-error\">Anna sähköpostiosoite"), html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"campaign\" value=\"spring\">"), "a hidden field from the page address");
        assertFalse(html.contains("value=\"website\""), "a fixed hidden value never goes to the page");
        assertTrue(html.contains("enctype=\"multipart/form-data\""), "a form with files posts multipart");
        assertTrue(html.contains("<fieldset id=\"f-urgency\"><legend>urgency otsikko</legend>"), html);
    }
}
