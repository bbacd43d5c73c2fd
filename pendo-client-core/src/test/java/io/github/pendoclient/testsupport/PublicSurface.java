package io.github.pendoclient.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds public signatures that mention a type from an {@code internal} package: the supertypes and type parameters
 * of a public type in a package that is not internal, and its public or protected fields, constructors and methods
 * (their type parameters, parameters, results and declared exceptions). Such a signature makes an internal type part of the API, and on the module path it
 * names a type that users cannot read. Shared with the other modules' tests through core's test jar.
 */
public final class PublicSurface {

    private PublicSurface() {}

    /**
     * Every leak in the compiled classes of the module that holds {@code anyClassOfTheModule}.
     *
     * @param anyClassOfTheModule a class of the module's main code
     * @return one line per leaking member, empty when there is none
     */
    public static List<String> internalTypesInModuleOf(Class<?> anyClassOfTheModule) {
        Path root;
        try {
            root = Path.of(anyClassOfTheModule
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : publicTypes(root, anyClassOfTheModule.getClassLoader())) {
            leaks.addAll(internalTypesIn(type));
        }
        return leaks;
    }

    /**
     * The leaks of one type's own members (inherited members are checked where they are declared).
     *
     * @param type a public type in a package that is not internal
     * @return one line per leaking member
     */
    public static List<String> internalTypesIn(Class<?> type) {
        List<String> leaks = new ArrayList<>();
        List<Type> supertypes = new ArrayList<>(Arrays.asList(type.getGenericInterfaces()));
        supertypes.add(type.getGenericSuperclass());
        check(type.getName() + " extends/implements", supertypes, leaks);
        for (TypeVariable<?> variable : type.getTypeParameters()) {
            check(type.getName() + "<" + variable.getName() + ">", Arrays.asList(variable.getBounds()), leaks);
        }
        for (Field field : type.getDeclaredFields()) {
            if (visible(field)) {
                check(describe(type, field), List.of(field.getGenericType()), leaks);
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (visible(constructor)) {
                List<Type> mentioned = new ArrayList<>(Arrays.asList(constructor.getGenericParameterTypes()));
                mentioned.addAll(Arrays.asList(constructor.getGenericExceptionTypes()));
                check(describe(type, constructor), mentioned, leaks);
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (visible(method) && !method.isBridge()) {
                List<Type> mentioned = new ArrayList<>(Arrays.asList(method.getGenericParameterTypes()));
                mentioned.add(method.getGenericReturnType());
                mentioned.addAll(Arrays.asList(method.getGenericExceptionTypes()));
                for (TypeVariable<?> variable : method.getTypeParameters()) {
                    mentioned.addAll(Arrays.asList(variable.getBounds()));
                }
                check(describe(type, method), mentioned, leaks);
            }
        }
        return leaks;
    }

    private static List<Class<?>> publicTypes(Path root, ClassLoader loader) {
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String relative = root.relativize(file)
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), ".");
                String name = relative.substring(0, relative.length() - ".class".length());
                if (name.equals("module-info") || name.endsWith("package-info") || isInternal(packageOf(name))) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, loader);
                if (isPublicApi(type)) {
                    types.add(type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        if (types.isEmpty()) {
            throw new IllegalStateException("No public type under " + root + ": the check would prove nothing");
        }
        return types;
    }

    private static boolean isPublicApi(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(Member member) {
        int modifiers = member.getModifiers();
        return !member.isSynthetic() && (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers));
    }

    private static void check(String where, List<Type> mentioned, List<String> leaks) {
        Set<String> internal = new TreeSet<>();
        Set<Type> seen = new HashSet<>();
        for (Type type : mentioned) {
            collectInternal(type, internal, seen);
        }
        if (!internal.isEmpty()) {
            leaks.add(where + " mentions " + String.join(", ", internal));
        }
    }

    private static void collectInternal(Type type, Set<String> internal, Set<Type> seen) {
        if (type == null || !seen.add(type)) {
            return;
        }
        if (type instanceof Class<?> c) {
            Class<?> element = c;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            if (!element.isPrimitive() && isInternal(element.getPackageName())) {
                internal.add(element.getName());
            }
        } else if (type instanceof ParameterizedType p) {
            collectInternal(p.getRawType(), internal, seen);
            collectInternal(p.getOwnerType(), internal, seen);
            for (Type argument : p.getActualTypeArguments()) {
                collectInternal(argument, internal, seen);
            }
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                collectInternal(bound, internal, seen);
            }
            for (Type bound : w.getLowerBounds()) {
                collectInternal(bound, internal, seen);
            }
        } else if (type instanceof TypeVariable<?> v) {
            for (Type bound : v.getBounds()) {
                collectInternal(bound, internal, seen);
            }
        } else if (type instanceof GenericArrayType a) {
            collectInternal(a.getGenericComponentType(), internal, seen);
        }
    }

    private static String describe(Class<?> type, Member member) {
        return type.getName() + "." + (member instanceof Constructor ? "<init>" : member.getName())
                + (member instanceof Field ? "" : "(...)");
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    /** Whether a package is internal: one of its dotted segments is {@code internal}. */
    private static boolean isInternal(String packageName) {
        return Arrays.asList(packageName.split("\\.")).contains("internal");
    }
}
