import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Development tool (not part of the build): writes the jenkins-stubs sources from the real Jenkins sources.
 * For every type named in the spec, and every Jenkins type their declarations or the listed members need, it keeps
 * the package, modifiers, type parameters and supertypes, and exactly the listed members with their modifiers, type
 * parameters, parameter and return types and checked exceptions; bodies throw. Annotations and comments are dropped.
 * Usage: java -cp javaparser.jar StubExtractor.java SPEC OUT_DIR ROOT=label@version[:ROOT=label@version...]
 */
public class StubExtractor {
    record Root(Path dir, String label) {
    }

    static final List<Root> ROOTS = new ArrayList<>();
    static final Map<String, CompilationUnit> PARSED = new HashMap<>();
    static final Map<String, Set<String>> WANTED = new TreeMap<>();
    static final String MARKER = "io.jenkins.plugins.devspacebuild.stubs.StubOnly";

    public static void main(String[] args) throws Exception {
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        Path spec = Path.of(args[0]);
        Path out = Path.of(args[1]);
        for (String r : args[2].split(":")) {
            int eq = r.indexOf('=');
            ROOTS.add(new Root(Path.of(r.substring(0, eq)), r.substring(eq + 1)));
        }
        for (String line : Files.readAllLines(spec)) {
            line = line.replaceAll("#.*", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            Set<String> members = WANTED.computeIfAbsent(parts[0], k -> new LinkedHashSet<>());
            if (parts.length > 1) {
                Matcher m = Pattern.compile("[^\\s()]+\\([^)]*\\)|[^\\s()]+").matcher(parts[1]);
                while (m.find()) {
                    members.add(m.group().replace(" ", ""));
                }
            }
        }
        // closure: supertypes, type-parameter bounds, enclosing types and the types of the kept members
        Deque<String> todo = new ArrayDeque<>(WANTED.keySet());
        Set<String> done = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            String fqn = todo.pop();
            if (!done.add(fqn)) {
                continue;
            }
            TypeDeclaration<?> td = find(fqn);
            if (td == null) {
                continue;
            }
            WANTED.computeIfAbsent(fqn, k -> new LinkedHashSet<>());
            if (td.getParentNode().orElse(null) instanceof TypeDeclaration<?>) {
                todo.push(fqn.substring(0, fqn.lastIndexOf('.')));
            }
            for (Type t : referencedTypes(td, WANTED.get(fqn))) {
                t.findAll(ClassOrInterfaceType.class).forEach(c -> {
                    String r = resolve(c, td);
                    if (r != null && find(r) != null) {
                        todo.push(r);
                    }
                });
            }
        }
        // write one file per top-level type
        Map<String, List<String>> byTop = new TreeMap<>();
        for (String fqn : WANTED.keySet()) {
            TypeDeclaration<?> td = find(fqn);
            if (td == null) {
                throw new IllegalStateException("not found in the real sources: " + fqn);
            }
            byTop.computeIfAbsent(topName(td), k -> new ArrayList<>()).add(fqn);
        }
        for (String top : byTop.keySet()) {
            TypeDeclaration<?> td = find(top);
            CompilationUnit cu = td.findCompilationUnit().orElseThrow();
            String body = emit(td, top, "");
            String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
            StringBuilder file = new StringBuilder();
            file.append("// Signature stub of ").append(label(top)).append(": ").append(top.replace('.', '/')).append(".java\n");
            file.append("// Compile-only: the members io.jenkins.plugins.devspacebuild.jenkins uses, as declared there; bodies throw.\n");
            file.append("// Never packaged or shipped. Made by jenkins-stubs/generator from the real source; see jenkins-stubs/README.md.\n");
            file.append("package ").append(pkg).append(";\n\n");
            for (String imp : imports(cu, body)) {
                file.append("import ").append(imp).append(";\n");
            }
            file.append("\n").append(body);
            Path p = out.resolve(top.replace('.', '/') + ".java");
            Files.createDirectories(p.getParent());
            Files.writeString(p, file.toString());
        }
        // report members that were asked for but not found
        for (Map.Entry<String, Set<String>> e : WANTED.entrySet()) {
            TypeDeclaration<?> td = find(e.getKey());
            for (String m : e.getValue()) {
                if (td.getMembers().stream().noneMatch(b -> matches(b, m))) {
                    System.err.println("MISSING " + e.getKey() + " " + m);
                }
            }
        }
        System.out.println(byTop.size() + " files, " + WANTED.size() + " types");
    }

    static String label(String fqn) {
        for (Root r : ROOTS) {
            if (Files.isRegularFile(r.dir().resolve(fqn.replace('.', '/') + ".java"))) {
                return r.label();
            }
        }
        return "?";
    }

    static String topName(TypeDeclaration<?> td) {
        Node n = td;
        while (n.getParentNode().orElse(null) instanceof TypeDeclaration<?> p) {
            n = p;
        }
        TypeDeclaration<?> top = (TypeDeclaration<?>) n;
        String pkg = top.findCompilationUnit().flatMap(CompilationUnit::getPackageDeclaration).map(p -> p.getNameAsString()).orElse("");
        return pkg.isEmpty() ? top.getNameAsString() : pkg + "." + top.getNameAsString();
    }

    static List<Type> referencedTypes(TypeDeclaration<?> td, Set<String> members) {
        List<Type> out = new ArrayList<>();
        if (td instanceof ClassOrInterfaceDeclaration c) {
            out.addAll(c.getExtendedTypes());
            out.addAll(c.getImplementedTypes());
            c.getTypeParameters().forEach(tp -> out.addAll(tp.getTypeBound()));
        }
        if (td instanceof EnumDeclaration e) {
            out.addAll(e.getImplementedTypes());
        }
        for (BodyDeclaration<?> b : td.getMembers()) {
            if (members.stream().anyMatch(m -> matches(b, m))) {
                if (b instanceof MethodDeclaration md) {
                    out.add(md.getType());
                    md.getParameters().forEach(p -> out.add(p.getType()));
                    out.addAll(md.getThrownExceptions());
                    md.getTypeParameters().forEach(tp -> out.addAll(tp.getTypeBound()));
                } else if (b instanceof ConstructorDeclaration cd) {
                    cd.getParameters().forEach(p -> out.add(p.getType()));
                    out.addAll(cd.getThrownExceptions());
                } else if (b instanceof FieldDeclaration fd) {
                    fd.getVariables().forEach(v -> out.add(v.getType()));
                }
            }
        }
        return out;
    }

    /** "name" matches a field or every method of that name; "name(A,B)" a method or "ctor(A,B)" a constructor by simple erased types. */
    static boolean matches(BodyDeclaration<?> b, String spec) {
        String name = spec.contains("(") ? spec.substring(0, spec.indexOf('(')) : spec;
        if (b instanceof FieldDeclaration fd) {
            return !spec.contains("(") && fd.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name));
        }
        if (b instanceof EnumConstantDeclaration ec) {
            return !spec.contains("(") && ec.getNameAsString().equals(name);
        }
        if (b instanceof MethodDeclaration md) {
            return md.getNameAsString().equals(name) && (!spec.contains("(") || params(md).equals(spec.substring(spec.indexOf('('))));
        }
        if (b instanceof ConstructorDeclaration cd) {
            return name.equals("ctor") && params(cd).equals(spec.substring(spec.indexOf('(')));
        }
        return false;
    }

    static String params(CallableDeclaration<?> c) {
        return "(" + c.getParameters().stream().map(p -> erase(p.getType()) + (p.isVarArgs() ? "..." : "")).collect(Collectors.joining(",")) + ")";
    }

    static String erase(Type t) {
        Type e = t.clone();
        e.findAll(ClassOrInterfaceType.class).forEach(c -> c.removeTypeArguments());
        e.getAnnotations().clear();
        return e.asString().replaceAll("@\\S+\\s", "");
    }

    static String emit(TypeDeclaration<?> td, String fqn, String indent) {
        Set<String> members = WANTED.getOrDefault(fqn, Set.of());
        StringBuilder sb = new StringBuilder();
        String mods = modifiers(td.getModifiers());
        boolean isInterface = td instanceof ClassOrInterfaceDeclaration c && c.isInterface();
        boolean isFinal = td.getModifiers().stream().anyMatch(m -> m.getKeyword() == Modifier.Keyword.FINAL);
        if (td instanceof ClassOrInterfaceDeclaration c) {
            sb.append(indent).append(mods).append(c.isInterface() ? "interface " : "class ").append(c.getNameAsString());
            sb.append(typeParams(c.getTypeParameters()));
            if (!c.getExtendedTypes().isEmpty()) {
                sb.append(" extends ").append(c.getExtendedTypes().stream().map(StubExtractor::type).collect(Collectors.joining(", ")));
            }
            if (!c.getImplementedTypes().isEmpty()) {
                sb.append(" implements ").append(c.getImplementedTypes().stream().map(StubExtractor::type).collect(Collectors.joining(", ")));
            }
        } else if (td instanceof EnumDeclaration e) {
            sb.append(indent).append(mods).append("enum ").append(e.getNameAsString());
            if (!e.getImplementedTypes().isEmpty()) {
                sb.append(" implements ").append(e.getImplementedTypes().stream().map(StubExtractor::type).collect(Collectors.joining(", ")));
            }
        } else {
            throw new IllegalStateException("write annotation types by hand: " + fqn);
        }
        sb.append(" {\n");
        String in = indent + "    ";
        if (td instanceof EnumDeclaration e) {
            sb.append(in).append(e.getEntries().stream().map(EnumConstantDeclaration::getNameAsString).collect(Collectors.joining(", "))).append(";\n");
        }
        boolean wroteCtor = false;
        for (BodyDeclaration<?> b : td.getMembers()) {
            if (b instanceof TypeDeclaration<?> nested) {
                String nf = fqn + "." + nested.getNameAsString();
                if (WANTED.containsKey(nf)) {
                    sb.append("\n").append(emit(nested, nf, in));
                }
                continue;
            }
            if (members.stream().noneMatch(m -> matches(b, m))) {
                continue;
            }
            sb.append("\n");
            if (b instanceof FieldDeclaration fd) {
                for (VariableDeclarator v : fd.getVariables()) {
                    String init = v.getInitializer().filter(x -> x.isLiteralExpr() && !x.isNullLiteralExpr()).map(Object::toString).orElse(defaultValue(v.getType()));
                    sb.append(in).append(modifiers(fd.getModifiers())).append(type(v.getType())).append(' ').append(v.getNameAsString())
                            .append(" = ").append(init).append(";\n");
                }
            } else if (b instanceof MethodDeclaration md) {
                sb.append(in).append(modifiers(md.getModifiers()));
                if (!md.getTypeParameters().isEmpty()) {
                    sb.append(typeParams(md.getTypeParameters()).substring(0)).append(' ');
                }
                sb.append(type(md.getType())).append(' ').append(md.getNameAsString()).append(paramList(md.getParameters()));
                sb.append(throwsClause(md.getThrownExceptions()));
                boolean abstractMethod = md.isAbstract() || (isInterface && !md.isDefault() && !md.isStatic() && !md.isPrivate());
                sb.append(abstractMethod ? ";\n" : " {\n" + in + "    throw new UnsupportedOperationException(\"stub\");\n" + in + "}\n");
            } else if (b instanceof ConstructorDeclaration cd) {
                wroteCtor = true;
                sb.append(in).append(modifiers(cd.getModifiers())).append(typeParams(cd.getTypeParameters()).isEmpty() ? "" : typeParams(cd.getTypeParameters()) + " ")
                        .append(cd.getNameAsString()).append(paramList(cd.getParameters())).append(throwsClause(cd.getThrownExceptions()))
                        .append(" {\n").append(superCall(td, in + "    ")).append(in).append("    throw new UnsupportedOperationException(\"stub\");\n")
                        .append(in).append("}\n");
            }
        }
        boolean declaresCtor = td.getMembers().stream().anyMatch(b -> b instanceof ConstructorDeclaration);
        if (!isInterface && td instanceof ClassOrInterfaceDeclaration && !wroteCtor && declaresCtor) {
            // no constructor of the real class is used: one the plugin cannot call, for stub subclasses to chain to
            sb.append("\n").append(in).append(isFinal ? "private " : "protected ").append(td.getNameAsString()).append("(").append(MARKER)
                    .append(" stubOnly) {\n").append(superCall(td, in + "    ")).append(in).append("    throw new UnsupportedOperationException(\"stub\");\n")
                    .append(in).append("}\n");
        }
        sb.append(indent).append("}\n");
        return sb.toString();
    }

    /** A stub superclass is reached through its marker constructor; a library superclass through its no-argument one. */
    static String superCall(TypeDeclaration<?> td, String in) {
        if (td instanceof ClassOrInterfaceDeclaration c && !c.getExtendedTypes().isEmpty()) {
            String r = resolve(c.getExtendedTypes().get(0), td);
            if (r != null && find(r) != null) {
                Set<String> wanted = WANTED.getOrDefault(r, Set.of());
                TypeDeclaration<?> sup = find(r);
                boolean declares = sup.getMembers().stream().anyMatch(b -> b instanceof ConstructorDeclaration);
                boolean noArg = !declares || sup.getMembers().stream().anyMatch(b -> b instanceof ConstructorDeclaration cd && cd.getParameters().isEmpty()
                        && wanted.contains("ctor()"));
                return noArg ? "" : in + "super((" + MARKER + ") null);\n";
            }
        }
        return "";
    }

    static String defaultValue(Type t) {
        if (t.isPrimitiveType()) {
            return switch (t.asString()) {
                case "boolean" -> "Boolean.parseBoolean(\"false\")";
                case "char" -> "(char) Integer.parseInt(\"0\")";
                default -> "(" + t.asString() + ") Integer.parseInt(\"0\")";
            };
        }
        return "null";
    }

    static String modifiers(NodeList<Modifier> mods) {
        StringBuilder sb = new StringBuilder();
        for (Modifier m : mods) {
            if (m.getKeyword() == Modifier.Keyword.SYNCHRONIZED || m.getKeyword() == Modifier.Keyword.NATIVE
                    || m.getKeyword() == Modifier.Keyword.TRANSIENT || m.getKeyword() == Modifier.Keyword.VOLATILE
                    || m.getKeyword() == Modifier.Keyword.STRICTFP) {
                continue;
            }
            sb.append(m.getKeyword().asString()).append(' ');
        }
        return sb.toString();
    }

    static String typeParams(NodeList<TypeParameter> tps) {
        if (tps.isEmpty()) {
            return "";
        }
        return "<" + tps.stream().map(tp -> tp.getNameAsString() + (tp.getTypeBound().isEmpty() ? ""
                : " extends " + tp.getTypeBound().stream().map(StubExtractor::type).collect(Collectors.joining(" & ")))).collect(Collectors.joining(", ")) + ">";
    }

    static String paramList(NodeList<Parameter> ps) {
        return "(" + ps.stream().map(p -> (p.isFinal() ? "final " : "") + type(p.getType()) + (p.isVarArgs() ? "..." : "") + " " + p.getNameAsString())
                .collect(Collectors.joining(", ")) + ")";
    }

    static String throwsClause(NodeList<com.github.javaparser.ast.type.ReferenceType> t) {
        return t.isEmpty() ? "" : " throws " + t.stream().map(StubExtractor::type).collect(Collectors.joining(", "));
    }

    /** A type as written, without annotations. */
    static String type(Type t) {
        Type c = t.clone();
        c.findAll(com.github.javaparser.ast.expr.AnnotationExpr.class).forEach(Node::remove);
        c.getAnnotations().clear();
        return c.asString().replaceAll("\\s+", " ");
    }

    static Set<String> imports(CompilationUnit cu, String body) {
        Set<String> out = new java.util.TreeSet<>();
        for (ImportDeclaration i : cu.getImports()) {
            if (i.isAsterisk()) {
                continue;
            }
            String simple = i.getName().getIdentifier();
            if (Pattern.compile("\\b" + Pattern.quote(simple) + "\\b").matcher(body).find()) {
                out.add((i.isStatic() ? "static " : "") + i.getNameAsString());
            }
        }
        return out;
    }

    static String resolve(ClassOrInterfaceType t, TypeDeclaration<?> context) {
        String name = t.getNameWithScope();
        String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        String rest = name.contains(".") ? name.substring(name.indexOf('.')) : "";
        CompilationUnit cu = context.findCompilationUnit().orElseThrow();
        for (Node n = context; n instanceof TypeDeclaration<?> d; n = n.getParentNode().orElse(null)) {
            if (d instanceof ClassOrInterfaceDeclaration c && c.getTypeParameters().stream().anyMatch(p -> p.getNameAsString().equals(first))) {
                return null;
            }
        }
        for (ImportDeclaration i : cu.getImports()) {
            if (!i.isAsterisk() && !i.isStatic() && i.getName().getIdentifier().equals(first)) {
                return i.getNameAsString() + rest;
            }
        }
        String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        String top = topName(context);
        for (Node n = context; n instanceof TypeDeclaration<?> d; n = n.getParentNode().orElse(null)) {
            String owner = qualified(d);
            if (find(owner + "." + first) != null) {
                return owner + "." + first + rest;
            }
        }
        if (find(top + "." + first) != null) {
            return top + "." + first + rest;
        }
        if (find(pkg + "." + first) != null) {
            return pkg + "." + first + rest;
        }
        for (ImportDeclaration i : cu.getImports()) {
            if (i.isAsterisk() && !i.isStatic() && find(i.getNameAsString() + "." + first) != null) {
                return i.getNameAsString() + "." + first + rest;
            }
        }
        return find(name) != null ? name : null;
    }

    static String qualified(TypeDeclaration<?> d) {
        String top = topName(d);
        List<String> chain = new ArrayList<>();
        for (Node n = d; n instanceof TypeDeclaration<?> t && t.getParentNode().orElse(null) instanceof TypeDeclaration<?>; n = n.getParentNode().orElse(null)) {
            chain.add(0, t.getNameAsString());
        }
        return chain.isEmpty() ? top : top + "." + String.join(".", chain);
    }

    static TypeDeclaration<?> find(String fqn) {
        String[] parts = fqn.split("\\.");
        for (int i = parts.length - 1; i > 0; i--) {
            String file = String.join("/", Arrays.copyOfRange(parts, 0, i + 1)) + ".java";
            for (Root r : ROOTS) {
                Path p = r.dir().resolve(file);
                if (!Files.isRegularFile(p)) {
                    continue;
                }
                CompilationUnit cu = PARSED.computeIfAbsent(p.toString(), k -> {
                    try {
                        return StaticJavaParser.parse(p);
                    } catch (Exception e) {
                        throw new RuntimeException(p + ": " + e.getMessage(), e);
                    }
                });
                final int ii = i;
                TypeDeclaration<?> t = cu.getTypes().stream().filter(x -> x.getNameAsString().equals(parts[ii])).findFirst().orElse(null);
                for (int j = i + 1; t != null && j < parts.length; j++) {
                    final int jj = j;
                    t = t.getMembers().stream().filter(m -> m instanceof TypeDeclaration<?> d && d.getNameAsString().equals(parts[jj]))
                            .map(m -> (TypeDeclaration<?>) m).findFirst().orElse(null);
                }
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }
}
