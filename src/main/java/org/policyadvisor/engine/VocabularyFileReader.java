package org.policyadvisor.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.policyadvisor.check.DeclaredField;
import org.policyadvisor.check.DeclaredType;
import org.policyadvisor.check.Diagnostic;

/**
 * Reads the {@code declare} blocks of the vocabulary file, as Drools' parser left them, into declared types. A
 * declaration is data: a name, annotations that describe it and fields of a plain type ({@code String},
 * {@code boolean}, {@code int}) with annotations. Field initializers, supertypes and any other annotation are refused.
 */
final class VocabularyFileReader {

    static final Set<String> TYPE_ANNOTATIONS = Set.of("doc", "symmetric", "opposite");
    static final Set<String> FIELD_ANNOTATIONS = Set.of("key", "actor", "values", "doc");
    static final Set<String> FIELD_TYPES = Set.of("String", "boolean", "int");

    private VocabularyFileReader() {
    }

    static List<DeclaredType> read(PackageDescr pkg, String file, List<Diagnostic> problems) {
        List<DeclaredType> types = new ArrayList<>();
        if (!pkg.getEnumDeclarations().isEmpty()) {
            problems.add(Diagnostic.error(file, pkg.getEnumDeclarations().get(0).getLine(), 1,
                    "'declare enum' is not part of the vocabulary language; list values with @values(\"a|b\")", ""));
        }
        if (!pkg.getWindowDeclarations().isEmpty()) {
            problems.add(Diagnostic.error(file, 1, 1, "'declare window' is not part of the vocabulary language", ""));
        }
        for (TypeDeclarationDescr type : pkg.getTypeDeclarations()) {
            DeclaredType read = type(type, file, problems);
            if (read != null) {
                types.add(read);
            }
        }
        return types;
    }

    private static DeclaredType type(TypeDeclarationDescr type, String file, List<Diagnostic> problems) {
        int before = problems.size();
        int line = Math.max(type.getLine(), 1);
        String name = type.getTypeName();
        if (!ConditionReader.TYPE_NAME.matcher(name).matches() || type.getNamespace() != null
                && !type.getNamespace().isEmpty() && name.contains(".")) {
            problems.add(Diagnostic.error(file, line, 1, "'" + name + "' is not a type name (CapitalisedWords)", ""));
        }
        if (type.getSuperTypes().stream().anyMatch(t -> !t.getFullName().equals("java.lang.Object")
                && !t.getFullName().equals("Object"))) {
            problems.add(Diagnostic.error(file, line, 1, "a declared type may not extend another ('" + name
                    + " extends ...')", ""));
        }
        for (AnnotationDescr a : type.getAnnotations()) {
            if (!TYPE_ANNOTATIONS.contains(a.getName())) {
                problems.add(Diagnostic.error(file, line, 1, "@" + a.getName() + " is not part of the vocabulary"
                        + " language; a type takes " + String.join(", ", TYPE_ANNOTATIONS.stream().sorted()
                        .map(n -> "@" + n).toList()), ""));
            }
        }
        List<DeclaredField> fields = new ArrayList<>();
        for (TypeFieldDescr field : type.getFields().values()) {
            DeclaredField read = field(field, name, file, problems);
            if (read != null) {
                fields.add(read);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        String symmetric = value(type.getAnnotation("symmetric"));
        return new DeclaredType(name, value(type.getAnnotation("doc")), fields,
                symmetric.isEmpty() ? List.of() : Arrays.stream(symmetric.split("\\|")).map(String::strip).toList(),
                value(type.getAnnotation("opposite")), file, line);
    }

    private static DeclaredField field(TypeFieldDescr field, String type, String file, List<Diagnostic> problems) {
        int line = Math.max(field.getLine(), 1);
        int col = field.getColumn() + 1;
        int before = problems.size();
        String javaType = field.getPattern() == null ? "" : field.getPattern().getObjectType();
        if (field.getInitExpr() != null && !field.getInitExpr().isBlank()) {
            problems.add(Diagnostic.error(file, line, col, "a field initializer ('" + field.getFieldName() + " : "
                    + javaType + " = " + field.getInitExpr().strip() + "') is not part of the vocabulary language", ""));
        }
        if (!FIELD_TYPES.contains(javaType)) {
            problems.add(Diagnostic.error(file, line, col, "field " + type + "." + field.getFieldName() + " has type '"
                    + javaType + "'; a field is a String, a boolean or an int", ""));
        }
        if (!ConditionReader.FIELD_NAME.matcher(field.getFieldName()).matches()) {
            problems.add(Diagnostic.error(file, line, col, "'" + field.getFieldName() + "' is not a field name"
                    + " (lowerCamelCase)", ""));
        }
        List<String> annotations = new ArrayList<>();
        for (AnnotationDescr a : field.getAnnotations()) {
            if (!FIELD_ANNOTATIONS.contains(a.getName())) {
                problems.add(Diagnostic.error(file, line, col, "@" + a.getName() + " is not part of the vocabulary"
                        + " language; a field takes @key, @actor, @values(\"a|b\") and @doc(\"...\")", ""));
            }
            annotations.add(a.getName());
        }
        if (problems.size() > before) {
            return null;
        }
        String values = value(field.getAnnotation("values"));
        return new DeclaredField(field.getFieldName(), javaType, annotations,
                values.isEmpty() ? List.of() : Arrays.stream(values.split("\\|")).map(String::strip).toList(),
                value(field.getAnnotation("doc")), line, col);
    }

    private static String value(AnnotationDescr annotation) {
        if (annotation == null || !annotation.hasValue()) {
            return "";
        }
        String text = annotation.getSingleValueAsString();
        return text == null ? "" : AnnotationDescr.unquote(text.strip());
    }
}
