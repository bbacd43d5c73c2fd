package io.github.pendoclient.internal;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * The one way into core's internals from another package or module (the JDK's {@code SharedSecrets} pattern). A
 * public type whose internal collaborator another package needs lends it here once, from a static initialiser:
 * {@code PendoClient} lends its HTTP stack (for the aggregation module, and tests), and the resource package lends
 * its package-private constructors (for {@code PendoClient}). A caller asks for a view of an object by the view's
 * class: {@code CoreAccess.view(client, PendoHttp.class)}. Internal.
 *
 * <p>Why generic functions under class keys rather than an accessor interface naming {@code PendoClient},
 * {@code PendoHttp} and the resources: this package is core's bottom layer and depends on no other core package.
 * An interface naming the lenders' types would depend on their packages while they depend on it to register, the
 * two-way arrows that the three registries this class replaces ({@code ClientStacks}, {@code ResourceAccess},
 * {@code BuilderAccess} in {@code internal.http}) drew between core's packages. {@code PackageCyclesTest} fails if
 * such an arrow comes back. Client builders need no entry here: {@code ClientBuilder} hands its settings to its
 * subclasses through its protected {@code transport(...)} method.
 */
public final class CoreAccess {

    private static final ConcurrentMap<Key, Function<Object, ?>> LENT = new ConcurrentHashMap<>();

    private CoreAccess() {}

    /** Who lends what: the lender's exact class, the view's class, and a kind telling views of one class apart. */
    private record Key(Class<?> lender, Class<?> view, Class<?> kind) {}

    /**
     * Lends one view of the lender's instances; called once, from a static initialiser. A second loan of the same
     * view is refused.
     *
     * @param lender the exact class of the objects viewed (a final class)
     * @param view the class of the view
     * @param accessor makes the view of an instance
     * @param <L> the lender type
     * @param <V> the view type
     */
    public static <L, V> void lend(Class<L> lender, Class<V> view, Function<? super L, ? extends V> accessor) {
        lend(lender, view, view, accessor);
    }

    /**
     * Lends one of several views of the same class, told apart by a kind; for example the resource package lends
     * the catalog of features under the kind {@code Feature.class}. Called once, from a static initialiser.
     *
     * @param lender the exact class of the objects viewed (a final class)
     * @param view the class of the view
     * @param kind which of the views of that class
     * @param accessor makes the view of an instance
     * @param <L> the lender type
     * @param <V> the view type
     */
    public static <L, V> void lend(
            Class<L> lender, Class<V> view, Class<?> kind, Function<? super L, ? extends V> accessor) {
        Objects.requireNonNull(lender, "lender");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(accessor, "accessor");
        Function<Object, V> typed = object -> accessor.apply(lender.cast(object));
        if (LENT.putIfAbsent(new Key(lender, view, kind), typed) != null) {
            throw new IllegalStateException("A " + view.getName() + " (" + kind.getSimpleName() + ") of a "
                    + lender.getName() + " is lent once, by its class's static initialiser");
        }
    }

    /**
     * The view of an object that its class (or the view's class) lent.
     *
     * @param lender the object, for example a {@code PendoClient}
     * @param view the class of the view, for example {@code PendoHttp.class}
     * @param <V> the view type
     * @return the view
     * @throws IllegalStateException if nothing lends that view of that object's class
     */
    public static <V> V view(Object lender, Class<V> view) {
        return view(lender, view, view);
    }

    /**
     * One of several views of the same class; see {@link #lend(Class, Class, Class, Function)}.
     *
     * @param lender the object
     * @param view the class of the view
     * @param kind which of the views of that class
     * @param <V> the view type
     * @return the view
     * @throws IllegalStateException if nothing lends that view of that object's class
     */
    public static <V> V view(Object lender, Class<V> view, Class<?> kind) {
        Objects.requireNonNull(lender, "lender");
        Key key =
                new Key(lender.getClass(), Objects.requireNonNull(view, "view"), Objects.requireNonNull(kind, "kind"));
        Function<Object, ?> accessor = LENT.get(key);
        if (accessor == null) {
            // The lender's class has initialised (we hold an instance); the view's class may not have, and the
            // resource package lends from the initialiser of the class every resource extends.
            initialise(view);
            accessor = LENT.get(key);
            if (accessor == null) {
                throw new IllegalStateException("Nothing lends a " + view.getName() + " (" + kind.getSimpleName()
                        + ") of a " + lender.getClass().getName());
            }
        }
        return view.cast(accessor.apply(lender));
    }

    private static void initialise(Class<?> type) {
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
        } catch (ClassNotFoundException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
