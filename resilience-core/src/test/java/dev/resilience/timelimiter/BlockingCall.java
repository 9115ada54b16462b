package dev.resilience.timelimiter;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.resilience.core.CheckedFunction;

/**
 * A synchronous call that blocks until released and remembers whether it was interrupted
 * and whether it has ended.
 */
final class BlockingCall implements CheckedFunction<String, String> {

	private final CountDownLatch started = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	private volatile boolean interrupted;

	private volatile boolean finished;

	private volatile Thread thread;

	@Override
	public String apply(String context) throws InterruptedException {
		this.thread = Thread.currentThread();
		this.started.countDown();
		try {
			// bounded so that a broken test cannot hang the build
			this.release.await(1, TimeUnit.MINUTES);
			return "released " + context;
		}
		catch (InterruptedException ex) {
			this.interrupted = true;
			throw ex;
		}
		finally {
			this.finished = true;
		}
	}

	void awaitStarted() throws InterruptedException {
		this.started.await(1, TimeUnit.MINUTES);
	}

	void release() {
		this.release.countDown();
	}

	boolean interrupted() {
		return this.interrupted;
	}

	boolean finished() {
		return this.finished;
	}

	Thread thread() {
		return this.thread;
	}

}
