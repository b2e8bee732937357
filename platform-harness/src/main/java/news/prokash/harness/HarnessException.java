package news.prokash.harness;

/** A server could not be started or stopped; the message says which, where and why. */
public class HarnessException extends RuntimeException {

	public HarnessException(String message) {
		super(message);
	}

	public HarnessException(String message, Throwable cause) {
		super(message, cause);
	}

}
