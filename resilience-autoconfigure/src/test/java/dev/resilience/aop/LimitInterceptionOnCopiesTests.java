package dev.resilience.aop;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs {@link LimitInterceptionTests} with every retry attempt on a copy of the
 * invocation.
 *
 * @author Resilience
 */
@ExtendWith(CopiedInvocations.class)
class LimitInterceptionOnCopiesTests extends LimitInterceptionTests {

}
