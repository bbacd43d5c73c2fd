package io.github.pendoclient.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.PendoClient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every async twin of every resource fails its future for a refused argument, with the exception its blocking twin
 * throws, and sends nothing; it never throws to the caller. The cases are found by reflection: every public
 * {@code *Async} method that takes arguments, on every resource the client hands out, called once with {@code null}
 * for every argument and once with an empty string for every id.
 */
class AsyncRefusedArgumentsTest {

    /** A valid value per parameter type, for the arguments that are not the refused one. */
    private static final Map<Class<?>, Object> VALID = Map.of(
            MetadataKind.class,
            MetadataKind.VISITOR,
            Map.class,
            Map.of("state", "public"),
            Object.class,
            1,
            ListOptions.class,
            ListOptions.allApps());

    private final ResourceFixture fixture = new ResourceFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    static Stream<Arguments> refusedCalls() {
        List<Arguments> cases = new ArrayList<>();
        for (Method accessor : resourceAccessors()) {
            for (Method twin : asyncTwins(accessor.getReturnType())) {
                String name = accessor.getName() + "()." + twin.getName() + Arrays.toString(twin.getParameterTypes());
                cases.add(Arguments.of(name + " with nulls", accessor, twin, nulls(twin)));
                if (Arrays.stream(twin.getParameterTypes()).anyMatch(t -> t == String.class || t == Collection.class)) {
                    cases.add(Arguments.of(name + " with empty ids", accessor, twin, emptyIds(twin)));
                }
            }
        }
        return cases.stream();
    }

    @Test
    void theCasesCoverEveryResource() {
        assertThat(resourceAccessors())
                .extracting(Method::getName)
                .contains(
                        "visitors", "accounts", "features", "guides", "metadata", "segments", "reports", "bulkDelete");
        assertThat(refusedCalls().count()).isGreaterThan(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCalls")
    void aRefusedArgumentFailsTheFutureWithTheBlockingTwinsException(
            String name, Method accessor, Method twin, Object[] arguments) throws Exception {
        Object resource = accessor.invoke(fixture.client);
        Class<? extends Throwable> blockingFailure = blockingFailure(resource, twin, arguments);

        Object result;
        try {
            result = twin.invoke(resource, arguments);
        } catch (InvocationTargetException thrown) {
            throw new AssertionError(
                    name + " threw " + thrown.getCause() + " instead of failing its future", thrown.getCause());
        }

        assertThat(result).as(name).isInstanceOf(CompletableFuture.class);
        CompletableFuture<?> future = (CompletableFuture<?>) result;
        assertThat(future).as(name).isCompletedExceptionally();
        Throwable failure = future.handle((value, error) -> error).join();
        if (failure instanceof CompletionException wrapped) {
            failure = wrapped.getCause();
        }
        assertThat(failure).as(name).isInstanceOf(blockingFailure);
        assertThat(fixture.server.getRequestCount())
                .as(name + " sent a request")
                .isZero();
    }

    /** What the blocking twin (same name without {@code Async}, same parameters) throws for the same arguments. */
    private Class<? extends Throwable> blockingFailure(Object resource, Method twin, Object[] arguments)
            throws Exception {
        String blockingName = twin.getName().substring(0, twin.getName().length() - "Async".length());
        Method blocking;
        try {
            blocking = resource.getClass().getMethod(blockingName, twin.getParameterTypes());
        } catch (NoSuchMethodException none) {
            return RuntimeException.class;
        }
        try {
            blocking.invoke(resource, arguments);
        } catch (InvocationTargetException thrown) {
            assertThat(thrown.getCause()).isInstanceOf(RuntimeException.class);
            return thrown.getCause().getClass();
        }
        throw new AssertionError(blocking + " accepted " + Arrays.toString(arguments));
    }

    private static List<Method> resourceAccessors() {
        return Arrays.stream(PendoClient.class.getMethods())
                .filter(m -> m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getReturnType().getPackage() == Resource.class.getPackage())
                .sorted(Comparator.comparing(Method::getName))
                .toList();
    }

    private static List<Method> asyncTwins(Class<?> resource) {
        return Arrays.stream(resource.getMethods())
                .filter(m -> m.getName().endsWith("Async") && m.getParameterCount() > 0)
                .filter(m -> m.getReturnType() == CompletableFuture.class)
                .sorted(Comparator.comparing(Method::toString))
                .toList();
    }

    private static Object[] nulls(Method twin) {
        return new Object[twin.getParameterCount()];
    }

    private static Object[] emptyIds(Method twin) {
        Class<?>[] types = twin.getParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == String.class) {
                arguments[i] = "";
            } else if (types[i] == Collection.class) {
                arguments[i] = List.of("");
            } else if (VALID.containsKey(types[i])) {
                arguments[i] = VALID.get(types[i]);
            } else {
                throw new AssertionError("Add a valid " + types[i].getName() + " to VALID for " + twin);
            }
        }
        return arguments;
    }
}
