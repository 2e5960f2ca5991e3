package dev.runnel.cep.dynamic;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelVariableResolver;
import dev.cel.runtime.Program;
import dev.runnel.cep.pattern.conditions.IterativeCondition;
import dev.runnel.cep.pattern.conditions.SimpleCondition;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns CEL expressions into pattern conditions for one event type. The event's fields are
 * top-level variables ({@link EventFields}); {@code stages} maps each stage name to the events the
 * partial match has taken for it so far (a list of field maps), which makes a condition iterative:
 * {@code amount > 2.0 * sum(stages.small.map(e, e.amount))}. Helper functions: {@code sum(list)}
 * and {@code avg(list)} (doubles). An expression that does not mention {@code stages} becomes a
 * {@link SimpleCondition}, which the matcher evaluates once per event.
 *
 * <p>Expressions are parsed and type-checked here (result must be {@code bool}); CEL evaluation is
 * sandboxed by construction (no I/O, no reflection, no loops beyond bounded comprehensions).
 */
final class CelConditions<T> {
    static final String STAGES = "stages";
    /** Bounds any comprehension (map/filter/all/exists) so that no rule can stall the operator. */
    private static final CelOptions OPTIONS = CelOptions.current()
        .enableHeterogeneousNumericComparisons(true)
        .comprehensionMaxIterations(100_000)
        .build();

    /**
     * CEL's interpreter, built on first use: building it takes about 0.4 s (its standard function
     * bindings), which a job whose conditions all run as Java ({@link DirectConditions}) never pays.
     */
    private static final class Runtime {
        static final CelRuntime INSTANCE = CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(OPTIONS)
            .addFunctionBindings(
                CelFunctionBinding.from("sum_list", List.class, CelConditions::sum),
                CelFunctionBinding.from("avg_list", List.class, l -> l.isEmpty() ? 0.0 : sum(l) / l.size()))
            .build();
    }

    private final EventFields<T> fields;
    private final CelCompiler compiler;
    /** Null for conditions that may be shared across threads (static patterns). */
    private final ConditionMemo memo;
    /** Whether simple conditions in {@link DirectConditions}' subset run as Java (off only to test against CEL). */
    private final boolean direct;

    CelConditions(EventFields<T> fields, ConditionMemo memo) {
        this(fields, memo, true);
    }

    CelConditions(EventFields<T> fields, ConditionMemo memo, boolean direct) {
        this.fields = fields;
        this.memo = memo;
        this.direct = direct;
        var builder = CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setResultType(SimpleType.BOOL)
            .addVar(STAGES, MapType.create(SimpleType.STRING, ListType.create(MapType.create(SimpleType.STRING, SimpleType.DYN))))
            .addFunctionDeclarations(
                CelFunctionDecl.newFunctionDeclaration("sum",
                    CelOverloadDecl.newGlobalOverload("sum_list", SimpleType.DOUBLE, ListType.create(SimpleType.DYN))),
                CelFunctionDecl.newFunctionDeclaration("avg",
                    CelOverloadDecl.newGlobalOverload("avg_list", SimpleType.DOUBLE, ListType.create(SimpleType.DYN))));
        fields.types().forEach(builder::addVar);
        this.compiler = builder.build();
    }

    private static double sum(List<?> values) {
        double s = 0;
        for (Object v : values) {
            s += ((Number) v).doubleValue();
        }
        return s;
    }

    /**
     * The condition for {@code expression}; {@code where} names its place in the rule for errors.
     *
     * @param stageNames the pattern's stage names, the keys {@code stages} may have
     */
    IterativeCondition<T> compile(String expression, String where, Set<String> stageNames) throws RuleCompileException {
        CelAbstractSyntaxTree ast;
        try {
            ast = compiler.compile(expression).getAst();
        } catch (CelValidationException | RuntimeException e) {
            throw new RuleCompileException(where + ": " + e.getMessage());
        }
        boolean iterative = ast.getReferenceMap().values().stream().anyMatch(r -> STAGES.equals(r.name()));
        DirectConditions.Bool<T> java = direct && !iterative ? DirectConditions.compile(ast, fields) : null;
        if (java != null) {
            return new Direct<>(java, ast, fields, expression);
        }
        Program program = program(ast, where);
        return iterative ? new Iterative<>(program, fields, expression, stageNames) : new Simple<>(program, fields, expression, memo);
    }

    private static Program program(CelAbstractSyntaxTree ast, String where) throws RuleCompileException {
        try {
            return Runtime.INSTANCE.createProgram(ast);
        } catch (CelEvaluationException | RuntimeException e) {
            throw new RuleCompileException(where + ": " + e.getMessage());
        }
    }

    /** Whether {@code condition} runs as Java ({@link DirectConditions}). */
    static boolean isDirect(IterativeCondition<?> condition) {
        return condition instanceof Direct<?>;
    }

    private static boolean eval(Program program, CelVariableResolver vars, String expression) throws CelEvaluationException {
        Object result = program.eval(vars);
        return Boolean.TRUE.equals(result);
    }

    /** Reads only the event's fields. */
    private record Simple<T>(Program program, EventFields<T> fields, String expression, ConditionMemo memo)
            implements SimpleCondition<T> {
        @Override
        public boolean filter(T value) throws Exception {
            if (memo == null || !memo.enabled) {
                return eval(program, name -> Optional.ofNullable(fields.get(value, name)), expression);
            }
            Boolean known = memo.get(value, expression);
            if (known != null) {
                return known;
            }
            boolean result = eval(program, name -> Optional.ofNullable(fields.get(value, name)), expression);
            memo.put(expression, result);
            return result;
        }

        @Override
        public String toString() {
            return expression;
        }
    }

    /**
     * A simple condition evaluated as Java ({@link DirectConditions}), with CEL deciding the events
     * the Java form leaves open. No memo: the Java form costs less than looking a result up.
     */
    private static final class Direct<T> implements SimpleCondition<T> {
        private final DirectConditions.Bool<T> java;
        private final CelAbstractSyntaxTree ast;
        private final EventFields<T> fields;
        private final String expression;
        /** CEL's program for the events Java leaves open, made when the first one comes (a benign race). */
        private volatile Program program;

        Direct(DirectConditions.Bool<T> java, CelAbstractSyntaxTree ast, EventFields<T> fields, String expression) {
            this.java = java;
            this.ast = ast;
            this.fields = fields;
            this.expression = expression;
        }

        @Override
        public boolean filter(T value) throws Exception {
            try {
                return java.eval(value);
            } catch (DirectConditions.Undecided leftToCel) {
                Program p = program;
                if (p == null) {
                    p = program(ast, expression);
                    program = p;
                }
                return eval(p, name -> Optional.ofNullable(fields.get(value, name)), expression);
            }
        }

        @Override
        public String toString() {
            return expression;
        }
    }

    /** Reads the event's fields and, through {@code stages}, the events taken so far. */
    private record Iterative<T>(Program program, EventFields<T> fields, String expression, Set<String> stageNames)
            implements IterativeCondition<T> {
        @Override
        public boolean filter(T value, Context<T> ctx) throws Exception {
            return eval(program, name -> STAGES.equals(name) ? Optional.of(stages(ctx))
                : Optional.ofNullable(fields.get(value, name)), expression);
        }

        /** Each stage's events, looked up only when the expression reads that stage. */
        private Map<String, Object> stages(Context<T> ctx) {
            return new AbstractMap<>() {
                @Override
                public Object get(Object key) {
                    if (!(key instanceof String stage) || !stageNames.contains(stage)) {
                        return null;
                    }
                    List<Object> events = new ArrayList<>();
                    try {
                        for (T e : ctx.getEventsForPattern(stage)) {
                            events.add(fields.asMap(e));
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return events;
                }

                @Override
                public boolean containsKey(Object key) {
                    return key instanceof String s && stageNames.contains(s);
                }

                @Override
                public Set<Entry<String, Object>> entrySet() {
                    Map<String, Object> all = new java.util.LinkedHashMap<>();
                    for (String s : stageNames) {
                        all.put(s, get(s));
                    }
                    return all.entrySet();
                }
            };
        }

        @Override
        public String toString() {
            return expression;
        }
    }
}
