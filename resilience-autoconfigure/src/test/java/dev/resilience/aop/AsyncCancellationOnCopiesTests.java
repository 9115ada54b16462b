package dev.resilience.aop;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs {@link AsyncCancellationTests} with every retry attempt on a copy of the
 * invocation.
 *
 * @author Resilience
 */
@ExtendWith(CopiedInvocations.class)
class AsyncCancellationOnCopiesTests extends AsyncCancellationTests {

}
