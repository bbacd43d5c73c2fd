package io.github.pendoclient.testing;

import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a {@link FakePendo} around JUnit 5 tests. Registered in a static field it starts the fake before the first
 * test of the class and stops it after the last; in an instance field, around each test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FakePendoExtension EXTENSION = FakePendoExtension.create(
 *         FakePendo.builder().dataset(Dataset.generated(42, 1_000)).build());
 * static final FakePendo PENDO = EXTENSION.fake();
 * }</pre>
 *
 * <p>This is the only class of the library that needs JUnit; {@code junit-jupiter-api} is an optional dependency,
 * which a project that registers the extension already has.
 */
@SuppressWarnings("exports") // JUnit is an optional dependency on purpose: see module-info.java
public final class FakePendoExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final FakePendo fake;
    private boolean startedPerTest;

    private FakePendoExtension(FakePendo fake) {
        this.fake = fake;
    }

    /**
     * An extension around {@link FakePendo#create()}: an empty dataset and the default keys.
     *
     * @return the extension
     */
    public static FakePendoExtension create() {
        return create(FakePendo.create());
    }

    /**
     * An extension that starts and stops this fake.
     *
     * @param fake a fake that is not running; the extension owns its lifecycle from now on
     * @return the extension
     * @throws IllegalArgumentException if the fake is already running
     */
    public static FakePendoExtension create(FakePendo fake) {
        Objects.requireNonNull(fake, "fake");
        if (fake.isRunning()) {
            throw new IllegalArgumentException("Give the extension a fake that is not started yet; it starts the"
                    + " fake before the tests and stops it after them");
        }
        return new FakePendoExtension(fake);
    }

    /**
     * The fake this extension runs; usable while a test runs.
     *
     * @return the fake
     */
    public FakePendo fake() {
        return fake;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!fake.isRunning()) {
            fake.start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        fake.close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!fake.isRunning()) {
            startedPerTest = true;
            fake.start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (startedPerTest) {
            startedPerTest = false;
            fake.close();
        }
    }

    @Override
    public String toString() {
        return "FakePendoExtension{" + fake + "}";
    }
}
