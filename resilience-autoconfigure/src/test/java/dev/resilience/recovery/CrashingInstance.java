package dev.resilience.recovery;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The process that is killed: starts {@link OrderApplication} on the given database, with
 * recovery off and a short lease, and runs one order saga that stops dead at the given
 * crash point, printing {@code CRASH-POINT <point> <saga id>} when it gets there.
 * <p>
 * Arguments: JDBC URL, user, password, crash point, order id.
 *
 * @author Resilience
 */
public final class CrashingInstance {

	private CrashingInstance() {
	}

	public static void main(String[] args) {
		OrderApplication.CrashPoint.armed = args[3];
		ConfigurableApplicationContext context = new SpringApplicationBuilder(OrderApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "logging.level.root=warn", "spring.datasource.url=" + args[0],
					"spring.datasource.username=" + args[1], "spring.datasource.password=" + args[2],
					"orders.instance=crashing", "resilience.saga.store=jdbc",
					"resilience.saga.jdbc.initialize-schema=never", "resilience.saga.recovery.enabled=false",
					"resilience.saga.recovery.lease=2s")
			.run();
		String result = context.getBean(OrderApplication.Orders.class).place(args[4]);
		System.out.println("COMPLETED " + result);
		context.close();
	}

}
