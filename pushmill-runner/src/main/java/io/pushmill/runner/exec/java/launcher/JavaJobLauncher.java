package io.pushmill.runner.exec.java.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The main class of the child JVM that runs a Java job: reads {@code args.json}, converts each arg
 * to the declared type of the script's {@code public static main(...)} parameter of the same name,
 * calls it, and writes the return value as JSON to {@code result.json}. An exception is printed to
 * stderr and written as Windmill's error object, and the exit code is 1.
 *
 * <p>Runs in the child with nothing but java.base; see {@link LauncherJson} for why the code avoids
 * lambdas and string {@code +}.
 */
public final class JavaJobLauncher {
  private JavaJobLauncher() {}

  public static void main(String[] argv) {
    int code = 0;
    try {
      Files.writeString(
          Path.of("result.json"), LauncherJson.write(run(argv[0])), StandardCharsets.US_ASCII);
    } catch (InvocationTargetException e) {
      code = fail(e.getCause() == null ? e : e.getCause());
    } catch (Throwable e) {
      code = fail(e);
    }
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }

  private static Object run(String className) throws Exception {
    Object parsed =
        LauncherJson.parse(
            new String(Files.readAllBytes(Path.of("args.json")), StandardCharsets.UTF_8));
    Map<?, ?> args = parsed instanceof Map<?, ?> map ? map : Map.of();
    Method main = findMain(Class.forName(className, true, JavaJobLauncher.class.getClassLoader()));
    Parameter[] params = main.getParameters();
    Object[] values = new Object[params.length];
    for (int i = 0; i < params.length; i++) {
      values[i] =
          convert(
              args.get(params[i].getName()), params[i].getParameterizedType(), params[i].getName());
    }
    main.setAccessible(true);
    return main.invoke(null, values);
  }

  private static Method findMain(Class<?> type) throws NoSuchMethodException {
    for (Method method : type.getDeclaredMethods()) {
      int mods = method.getModifiers();
      if (method.getName().equals("main") && Modifier.isStatic(mods) && Modifier.isPublic(mods)) {
        return method;
      }
    }
    throw new NoSuchMethodException(text("no public static main in ", type.getName()));
  }

  static Object convert(Object raw, Type target, String name) {
    if (target instanceof WildcardType wildcard) {
      return convert(raw, wildcard.getUpperBounds()[0], name);
    }
    if (target instanceof ParameterizedType generic) {
      Type[] params = generic.getActualTypeArguments();
      return container(raw, (Class<?>) generic.getRawType(), params[params.length - 1], name);
    }
    if (!(target instanceof Class<?> type)) {
      return raw;
    }
    if (raw == null) {
      if (type.isPrimitive()) {
        throw new IllegalArgumentException(text("argument ", name, " is missing"));
      }
      return null;
    }
    if (type.isArray()) {
      List<?> items = list(raw, name);
      Object array = Array.newInstance(type.getComponentType(), items.size());
      for (int i = 0; i < items.size(); i++) {
        Array.set(array, i, convert(items.get(i), type.getComponentType(), name));
      }
      return array;
    }
    if (Collection.class.isAssignableFrom(type)
        || Iterable.class == type
        || Map.class.isAssignableFrom(type)) {
      return container(raw, type, Object.class, name);
    }
    return scalar(raw, type, name);
  }

  private static Object container(Object raw, Class<?> type, Type element, String name) {
    if (raw == null) {
      return null;
    }
    if (Map.class.isAssignableFrom(type)) {
      if (!(raw instanceof Map<?, ?> map)) {
        throw mismatch(name, "an object", raw);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(String.valueOf(e.getKey()), convert(e.getValue(), element, name));
      }
      return out;
    }
    Collection<Object> out =
        Set.class.isAssignableFrom(type) ? new LinkedHashSet<>() : new ArrayList<>();
    for (Object item : list(raw, name)) {
      out.add(convert(item, element, name));
    }
    return out;
  }

  private static List<?> list(Object raw, String name) {
    if (raw instanceof List<?> list) {
      return list;
    }
    throw mismatch(name, "an array", raw);
  }

  private static Object scalar(Object raw, Class<?> type, String name) {
    if (type == Object.class) {
      return raw;
    }
    if (type == String.class || type == CharSequence.class) {
      if (raw instanceof String) {
        return raw;
      }
      throw mismatch(name, "a string", raw);
    }
    if (type == boolean.class || type == Boolean.class) {
      if (raw instanceof Boolean) {
        return raw;
      }
      throw mismatch(name, "a boolean", raw);
    }
    if (type == char.class || type == Character.class) {
      if (raw instanceof String s && s.length() == 1) {
        return s.charAt(0);
      }
      throw mismatch(name, "a one-character string", raw);
    }
    if (raw instanceof Number number) {
      return number(number, type, name);
    }
    throw mismatch(name, integral(type) ? "an integer" : "a number", raw);
  }

  private static boolean integral(Class<?> type) {
    return type == int.class
        || type == long.class
        || type == short.class
        || type == byte.class
        || type == Integer.class
        || type == Long.class
        || type == Short.class
        || type == Byte.class
        || type == BigInteger.class;
  }

  private static Object number(Number n, Class<?> type, String name) {
    boolean integral = n instanceof Long || n instanceof BigInteger;
    if (type == double.class || type == Double.class || type == Number.class) {
      return n.doubleValue();
    }
    if (type == float.class || type == Float.class) {
      return n.floatValue();
    }
    if (type == BigDecimal.class) {
      return new BigDecimal(n.toString());
    }
    if (!integral) {
      throw mismatch(name, "an integer", n);
    }
    if (type == BigInteger.class) {
      return new BigInteger(n.toString());
    }
    long v = n.longValue();
    if (type == long.class || type == Long.class) {
      return v;
    }
    if ((type == int.class || type == Integer.class) && v == (int) v) {
      return (int) v;
    }
    if ((type == short.class || type == Short.class) && v == (short) v) {
      return (short) v;
    }
    if ((type == byte.class || type == Byte.class) && v == (byte) v) {
      return (byte) v;
    }
    throw mismatch(name, text("a ", type.getSimpleName(), " in range"), n);
  }

  private static IllegalArgumentException mismatch(String name, String expected, Object raw) {
    return new IllegalArgumentException(
        text("argument ", name, " must be ", expected, ", got ", String.valueOf(raw)));
  }

  private static int fail(Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    System.err.print(trace);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("name", error.getClass().getSimpleName());
    details.put("message", error.getMessage() == null ? error.toString() : error.getMessage());
    details.put("stack", trace.toString());
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("error", details);
    try {
      Files.writeString(
          Path.of("result.json"), LauncherJson.write(object), StandardCharsets.US_ASCII);
    } catch (Exception e) {
      e.printStackTrace();
    }
    return 1;
  }

  private static String text(String... parts) {
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      out.append(part);
    }
    return out.toString();
  }
}
