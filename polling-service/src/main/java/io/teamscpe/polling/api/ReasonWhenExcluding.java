package io.teamscpe.polling.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Excluding a poll takes credit from everyone who answered it, so, like a credit override, it needs a reason
 * (kept in the poll's history and published); including it again does not.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ReasonWhenExcluding.Check.class)
public @interface ReasonWhenExcluding {
    String message() default "must not be blank when excluding a poll: say why the poll does not count (it is "
            + "kept in the poll's history)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ReasonWhenExcluding, PollApi.InclusionChange> {
        @Override
        public boolean isValid(PollApi.InclusionChange change, ConstraintValidatorContext context) {
            if (change == null || !Boolean.FALSE.equals(change.included())
                    || (change.reason() != null && !change.reason().isBlank())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("reason").addConstraintViolation();
            return false;
        }
    }
}
