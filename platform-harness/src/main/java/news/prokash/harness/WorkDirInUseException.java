package news.prokash.harness;

/** A work dir is claimed by another live JVM; {@link Infrastructure} then takes another one. */
public class WorkDirInUseException extends HarnessException {

	public WorkDirInUseException(String message) {
		super(message);
	}

}
