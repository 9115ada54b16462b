package dev.resilience.core;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import dev.resilience.core.internal.Failures;

/**
 * The classification described on {@link ErrorClassifier#defaults()}.
 *
 * @author Resilience
 */
final class DefaultErrorClassifier implements ErrorClassifier {

	static final DefaultErrorClassifier INSTANCE = new DefaultErrorClassifier();

	private DefaultErrorClassifier() {
	}

	@Override
	public boolean isTransient(Throwable failure) {
		if (failure instanceof VirtualMachineError) {
			return false;
		}
		if (failure instanceof IOException || failure instanceof TimeoutException
				|| failure instanceof ResilienceException) {
			return true;
		}
		int status = Failures.httpStatus(failure);
		if (status != 0) {
			return isTransientStatus(status);
		}
		return !(failure instanceof IllegalArgumentException);
	}

	private static boolean isTransientStatus(int status) {
		return switch (status) {
			case 408, 429, 502, 503, 504 -> true;
			default -> status < 400 || status >= 500;
		};
	}

}
