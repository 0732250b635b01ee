package io.pushmill.runner.exec.java;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.pushmill.runner.exec.Param;
import io.pushmill.runner.exec.ParamType;
import io.pushmill.runner.exec.ScriptSyntaxException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * One javac run over a script's source: parse, attribute, find the class with a {@code public
 * static main(...)}, map its parameters, and write the class files. Compile errors become a {@link
 * ScriptSyntaxException} naming the line. The script compiles against the JDK alone, as it runs.
 */
final class JavaSourceCompilation {
  private static final List<String> OPTIONS =
      List.of(
          "-parameters", "-g", "-proc:none", "-implicit:none", "-Xlint:none", "-encoding", "UTF-8");

  private JavaSourceCompilation() {}

  /** What a compilation produced: the main class's binary name and main's parameters. */
  record Result(String className, List<Param> params) {}

  static Result compile(String source, Path output) throws IOException, ScriptSyntaxException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("this JVM has no Java compiler: run Pushmill on a JDK");
    }
    Files.createDirectories(output);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of());
      JavacTask task =
          (JavacTask)
              javac.getTask(null, files, diagnostics, OPTIONS, null, List.of(new Source(source)));
      Iterable<? extends CompilationUnitTree> units = task.parse();
      failOnErrors(diagnostics);
      task.analyze();
      failOnErrors(diagnostics);
      Result result = entryPoint(task, units);
      task.generate();
      failOnErrors(diagnostics);
      return result;
    }
  }

  private static void failOnErrors(DiagnosticCollector<JavaFileObject> diagnostics)
      throws ScriptSyntaxException {
    List<Diagnostic<? extends JavaFileObject>> errors =
        diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .toList();
    if (errors.isEmpty()) {
      return;
    }
    Diagnostic<? extends JavaFileObject> first = errors.get(0);
    String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more errors)" : "";
    throw new ScriptSyntaxException(
        "java compile error at line "
            + first.getLineNumber()
            + ": "
            + first.getMessage(Locale.ROOT).lines().findFirst().orElse("")
            + more);
  }

  private static Result entryPoint(JavacTask task, Iterable<? extends CompilationUnitTree> units)
      throws ScriptSyntaxException {
    Trees trees = Trees.instance(task);
    List<TypeElement> candidates = new ArrayList<>();
    for (CompilationUnitTree unit : units) {
      for (Tree declaration : unit.getTypeDecls()) {
        if (declaration instanceof ClassTree type
            && trees.getElement(TreePath.getPath(unit, type)) instanceof TypeElement element
            && !mains(element).isEmpty()) {
          candidates.add(element);
        }
      }
    }
    TypeElement chosen =
        candidates.stream()
            .filter(t -> t.getModifiers().contains(Modifier.PUBLIC))
            .findFirst()
            .or(() -> candidates.stream().findFirst())
            .orElseThrow(
                () ->
                    new ScriptSyntaxException(
                        "the script has no class with a public static method main"));
    List<ExecutableElement> mains = mains(chosen);
    if (mains.size() > 1) {
      throw new ScriptSyntaxException(
          chosen.getSimpleName()
              + " has "
              + mains.size()
              + " public static main methods; keep one");
    }
    return new Result(
        task.getElements().getBinaryName(chosen).toString(), params(task, mains.get(0)));
  }

  private static List<ExecutableElement> mains(TypeElement type) {
    List<ExecutableElement> mains = new ArrayList<>();
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.METHOD
          && member.getSimpleName().contentEquals("main")
          && member.getModifiers().containsAll(List.of(Modifier.PUBLIC, Modifier.STATIC))) {
        mains.add((ExecutableElement) member);
      }
    }
    return mains;
  }

  private static List<Param> params(JavacTask task, ExecutableElement main)
      throws ScriptSyntaxException {
    List<Param> params = new ArrayList<>();
    for (VariableElement p : main.getParameters()) {
      Optional<ParamType> type = JavaTypes.of(p.asType(), task.getTypes());
      if (type.isEmpty()) {
        throw new ScriptSyntaxException(
            "parameter "
                + p.getSimpleName()
                + " of main has type "
                + p.asType()
                + ", which args cannot carry; use int, long, double, boolean, String,"
                + " their boxes, List, Set, Map, arrays or Object");
      }
      params.add(new Param(p.getSimpleName().toString(), type.get(), Optional.empty()));
    }
    return params;
  }

  /** The script's source in memory; any public class name is accepted for it. */
  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String text) {
      super(URI.create("string:///Script.java"), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }

    @Override
    public boolean isNameCompatible(String simpleName, Kind kind) {
      return kind == Kind.SOURCE;
    }
  }
}
