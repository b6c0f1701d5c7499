package org.switchboard.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A single-line field (a subject, a name, an address): no control characters at all — no CR or LF,
 * which could end a mail header, no NUL, no tab — and no Unicode line or paragraph separator. The
 * same rule for REST bodies (this annotation), pages, services and parsers ({@link SingleLine}).
 */
@Documented
@Constraint(validatedBy = OneLine.Validator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface OneLine {

    String PROBLEM = "must be one line, without control characters";

    String message() default PROBLEM;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OneLine, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return SingleLine.test(value);
        }
    }
}
