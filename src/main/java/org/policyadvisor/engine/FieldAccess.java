package org.policyadvisor.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;

import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;
import org.policyadvisor.Fact;

/**
 * Builds and reads objects of one declared type through method handles resolved once per rule base: the
 * constructor Drools generates with every field, and each field's getter. Setting and getting through
 * {@link FactField} instead goes through Drools' field accessors on every call.
 *
 * <p>Both are checked when the rule base is built: each field is given a distinct value in turn, and the object
 * built must show that value in that field only, through {@link FactField} and through the getter. A type whose
 * constructor or getters do not pass (or whose fields are of another kind than text, number or truth value) is
 * built and read through {@link FactField}, as before.
 */
final class FieldAccess {

    private static final MethodType CREATE = MethodType.methodType(Object.class, Object[].class);
    private static final MethodType GET = MethodType.methodType(Object.class, Object.class);

    /** {@code (Object[]) -> Object}, the values in the constructor's order; null when no constructor passed. */
    private final MethodHandle create;
    /** For each constructor parameter, the number of the shape's field it takes. */
    private final int[] order;
    /** Which constructor parameters are primitive, so cannot take null. */
    private final boolean[] primitive;
    /** {@code (Object) -> Object} for each field of the shape, in its order; null when a getter did not pass. */
    private final MethodHandle[] getters;

    /** Builds and reads through {@link FactField}. */
    private static final FieldAccess NONE = new FieldAccess(null, new int[0], new boolean[0], null);

    private FieldAccess(MethodHandle create, int[] order, boolean[] primitive, MethodHandle[] getters) {
        this.create = create;
        this.order = order;
        this.primitive = primitive;
        this.getters = getters;
    }

    /** {@code fields} are the type's fields in the shape's order. */
    static FieldAccess of(FactType type, Fact.Shape shape, FactField[] fields) {
        List<FactField> declared = type.getFields();
        int n = declared.size();
        int[] order = new int[n];
        boolean[] primitive = new boolean[n];
        Class<?>[] parameters = new Class<?>[n];
        for (int p = 0; p < n; p++) {
            order[p] = shape.fields().indexOf(declared.get(p).getName());
            parameters[p] = declared.get(p).getType();
            primitive[p] = parameters[p].isPrimitive();
            if (order[p] < 0) {
                return NONE;
            }
        }
        MethodHandle create = constructor(type.getFactClass(), parameters);
        MethodHandle[] getters = getters(type.getFactClass(), fields);
        if (create == null || n != fields.length) {
            return NONE;
        }
        for (int p = 0; p < n; p++) {
            Object[] args = new Object[n];
            for (int q = 0; q < n; q++) {
                args[q] = q == p ? mark(parameters[q]) : blank(parameters[q]);
            }
            Object probe;
            try {
                probe = args[p] == null ? null : (Object) create.invokeExact(args);
            } catch (Throwable e) {
                probe = null;
            }
            if (probe == null) {
                return NONE;
            }
            for (int q = 0; q < n; q++) {
                Object expected = args[q];
                FactField field = fields[order[q]];
                if (!Objects.equals(field.get(probe), expected)) {
                    return NONE;
                }
                if (getters != null && !Objects.equals(get(getters[order[q]], probe), expected)) {
                    getters = null;
                }
            }
        }
        return new FieldAccess(create, order, primitive, getters);
    }

    /**
     * An object with the fact's values, or null when this type is not built through its constructor or a value
     * cannot be passed to it. {@code fact} has exactly the shape's fields.
     */
    Object create(Fact fact) {
        if (create == null) {
            return null;
        }
        Object[] args = new Object[order.length];
        for (int p = 0; p < args.length; p++) {
            Object value = fact.value(order[p]);
            if (value == null && primitive[p]) {
                return null;
            }
            args[p] = value;
        }
        try {
            return (Object) create.invokeExact(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot build declared type " + fact.type(), e);
        }
    }

    /** True when {@link #read} reads through getters. */
    boolean reads() {
        return getters != null;
    }

    /** The fact an object of this type stands for; only when {@link #reads()}. */
    Fact read(Fact.Shape shape, Object object) {
        return shape.fact(i -> get(getters[i], object));
    }

    private static Object get(MethodHandle getter, Object object) {
        try {
            return (Object) getter.invokeExact(object);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read a declared type's field", e);
        }
    }

    private static MethodHandle constructor(Class<?> type, Class<?>[] parameters) {
        try {
            return MethodHandles.publicLookup().unreflectConstructor(type.getConstructor(parameters))
                    .asSpreader(Object[].class, parameters.length).asType(CREATE);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static MethodHandle[] getters(Class<?> type, FactField[] fields) {
        MethodHandle[] getters = new MethodHandle[fields.length];
        for (int i = 0; i < fields.length; i++) {
            String name = fields[i].getName();
            String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            Method method = getter(type, "get" + suffix, fields[i].getType());
            if (method == null) {
                method = getter(type, "is" + suffix, fields[i].getType());
            }
            if (method == null) {
                return null;
            }
            try {
                getters[i] = MethodHandles.publicLookup().unreflect(method).asType(GET);
            } catch (IllegalAccessException | RuntimeException e) {
                return null;
            }
        }
        return getters;
    }

    private static Method getter(Class<?> type, String name, Class<?> returns) {
        try {
            Method method = type.getMethod(name);
            return method.getReturnType() == returns ? method : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** A value of the type that no field holds by default; null for a type this class does not handle. */
    private static Object mark(Class<?> type) {
        if (type == String.class) {
            return "\u0001probe";
        } else if (type == int.class || type == Integer.class) {
            return 7;
        } else if (type == long.class || type == Long.class) {
            return 7L;
        } else if (type == boolean.class || type == Boolean.class) {
            return Boolean.TRUE;
        }
        return null;
    }

    /** The value a field holds by default. */
    private static Object blank(Class<?> type) {
        if (type == int.class) {
            return 0;
        } else if (type == long.class) {
            return 0L;
        } else if (type == boolean.class) {
            return Boolean.FALSE;
        }
        return null;
    }
}
