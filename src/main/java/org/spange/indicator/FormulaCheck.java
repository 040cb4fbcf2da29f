package org.spange.indicator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.spange.indicator.FormulaProblem.Severity;
import org.spange.indicator.Node.Builtin;

/**
 * Checks the formulas of all indicators together and orders them for computation. Keys are compared as written;
 * formulas use lower-case names (see {@link Formula#isName(String)}).
 */
public final class FormulaCheck {

	private final Map<String, Formula> indicators;
	private final Set<String> variables;
	private final Predicate<String> variableCanBeZero;

	private FormulaCheck(Map<String, Formula> indicators, Set<String> variables,
			Predicate<String> variableCanBeZero) {
		this.indicators = new TreeMap<>(indicators);
		this.variables = variables;
		this.variableCanBeZero = variableCanBeZero;
	}

	/**
	 * Finds the problems in the formulas of indicators, ordered by indicator and position.
	 * <ul>
	 * <li>error {@code formula.unknownName} (or {@code formula.unknownNameSuggestion}): a name that is neither a
	 * variable nor an indicator;</li>
	 * <li>error {@code formula.ambiguousName}: a name that is both;</li>
	 * <li>error {@code formula.cycle}: an indicator that depends on itself, with the path such as
	 * {@code a → b → a}, reported for every indicator on a cycle at its reference to the next one;</li>
	 * <li>error {@code formula.divisionByZero}: division by the number 0;</li>
	 * <li>warning {@code formula.divisionByPossibleZero}: division by a variable (or a sum of variables) that can be
	 * zero, unless guarded by {@code if(x > 0, …)}, {@code x != 0} and the like, or inside a {@code coalesce}
	 * argument that has a fallback after it. Where it is zero, the result is missing.</li>
	 * </ul>
	 * To check one formula on save, pass it with all other indicators and keep the problems of its key.
	 *
	 * @param indicators        formula of every indicator by key
	 * @param variables         keys of the known variables
	 * @param variableCanBeZero whether a variable can be zero in an area, such as a count
	 */
	public static List<FormulaProblem> check(Map<String, Formula> indicators, Set<String> variables,
			Predicate<String> variableCanBeZero) {
		return new FormulaCheck(indicators, variables, variableCanBeZero).problems();
	}

	/**
	 * The indicator keys in an order to compute them: every indicator after the indicators it references; otherwise
	 * alphabetical.
	 *
	 * @throws IllegalArgumentException if indicators form a cycle ({@link #check} reports it)
	 */
	public static List<String> computationOrder(Map<String, Formula> indicators) {
		Map<String, Formula> sorted = new TreeMap<>(indicators);
		Map<String, Integer> pending = new HashMap<>();
		Map<String, List<String>> dependents = new HashMap<>();
		sorted.forEach((key, formula) -> {
			Set<String> dependencies = dependencies(sorted, key);
			pending.put(key, dependencies.size());
			dependencies.forEach(d -> dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(key));
		});
		TreeSet<String> ready = new TreeSet<>();
		pending.forEach((key, count) -> {
			if (count == 0) {
				ready.add(key);
			}
		});
		List<String> order = new ArrayList<>();
		while (!ready.isEmpty()) {
			String key = ready.pollFirst();
			order.add(key);
			for (String dependent : dependents.getOrDefault(key, List.of())) {
				if (pending.merge(dependent, -1, Integer::sum) == 0) {
					ready.add(dependent);
				}
			}
		}
		if (order.size() < sorted.size()) {
			for (String key : sorted.keySet()) {
				List<String> cycle = order.contains(key) ? null : cycle(sorted, key);
				if (cycle != null) {
					throw new IllegalArgumentException("Indicators form a cycle: " + String.join(" → ", cycle));
				}
			}
		}
		return List.copyOf(order);
	}

	private List<FormulaProblem> problems() {
		List<FormulaProblem> problems = new ArrayList<>();
		indicators.forEach((key, formula) -> {
			names(key, formula, problems);
			divisions(key, formula.root(), Set.of(), false, problems);
			List<String> cycle = cycle(indicators, key);
			if (cycle != null) {
				String next = cycle.get(1);
				Node.Ref at = formula.referenceNodes().stream().filter(ref -> ref.name().equals(next)).findFirst()
						.orElseThrow();
				problems.add(FormulaProblem.of(key, Severity.ERROR, at, "formula.cycle", key,
						String.join(" → ", cycle)));
			}
		});
		problems.sort(Comparator.comparing(FormulaProblem::indicator).thenComparing(FormulaProblem::position)
				.thenComparing(FormulaProblem::severity));
		return List.copyOf(problems);
	}

	private void names(String key, Formula formula, List<FormulaProblem> problems) {
		for (Node.Ref ref : formula.referenceNodes()) {
			boolean indicator = indicators.containsKey(ref.name());
			boolean variable = variables.contains(ref.name());
			if (indicator && variable) {
				problems.add(FormulaProblem.of(key, Severity.ERROR, ref, "formula.ambiguousName", ref.name()));
			} else if (!indicator && !variable) {
				String suggestion = suggestion(ref.name());
				problems.add(suggestion == null
						? FormulaProblem.of(key, Severity.ERROR, ref, "formula.unknownName", ref.name())
						: FormulaProblem.of(key, Severity.ERROR, ref, "formula.unknownNameSuggestion", ref.name(),
								suggestion));
			}
		}
	}

	/** The closest known key, at most two edits away, or null. */
	private String suggestion(String name) {
		String best = null;
		int bestDistance = 3;
		for (String candidate : new TreeSet<>(union(variables, indicators.keySet()))) {
			int distance = distance(name, candidate);
			if (distance < bestDistance && distance < Math.max(2, name.length() / 2)) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return best;
	}

	private static int distance(String a, String b) {
		int[] row = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			row[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			int diagonal = row[0];
			row[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int above = row[j];
				row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1),
						diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
				diagonal = above;
			}
		}
		return row[b.length()];
	}

	// divisions

	/**
	 * @param nonZero canonical texts of expressions known to be non-zero here (guarded by an enclosing condition)
	 * @param handled whether a missing result is replaced anyway (a coalesce argument with a fallback)
	 */
	private void divisions(String key, Node node, Set<String> nonZero, boolean handled,
			List<FormulaProblem> problems) {
		if (node instanceof Node.Arith division && division.operator() == '/') {
			Node denominator = division.right();
			if (denominator instanceof Node.Num number && number.number() == 0) {
				problems.add(FormulaProblem.of(key, Severity.ERROR, division, "formula.divisionByZero",
						Node.text(division)));
			} else if (!handled && canBeZero(denominator, nonZero)) {
				problems.add(FormulaProblem.of(key, Severity.WARNING, denominator, "formula.divisionByPossibleZero",
						Node.text(denominator)));
			}
		}
		if (node instanceof Node.Call call && call.function() == Builtin.IF) {
			Node condition = call.args().get(0);
			divisions(key, condition, nonZero, handled, problems);
			divisions(key, call.args().get(1), union(nonZero, nonZeroWhen(condition, true)), handled, problems);
			divisions(key, call.args().get(2), union(nonZero, nonZeroWhen(condition, false)), handled, problems);
		} else if (node instanceof Node.Call call && call.function() == Builtin.COALESCE) {
			for (int i = 0; i < call.args().size(); i++) {
				divisions(key, call.args().get(i), nonZero, handled || i < call.args().size() - 1, problems);
			}
		} else if (node instanceof Node.Logic logic) {
			// the right side is only evaluated when the left does not decide
			divisions(key, logic.left(), nonZero, handled, problems);
			divisions(key, logic.right(), union(nonZero, nonZeroWhen(logic.left(), logic.and())), handled,
					problems);
		} else {
			node.children().forEach(child -> divisions(key, child, nonZero, handled, problems));
		}
	}

	private boolean canBeZero(Node denominator, Set<String> nonZero) {
		if (nonZero.contains(Node.text(denominator))) {
			return false;
		}
		if (denominator instanceof Node.Ref ref) {
			return variables.contains(ref.name()) && !indicators.containsKey(ref.name())
					&& variableCanBeZero.test(ref.name());
		}
		if (denominator instanceof Node.Arith sum && sum.operator() == '+') {
			return canBeZero(sum.left(), nonZero) && canBeZero(sum.right(), nonZero);
		}
		return false;
	}

	/** Canonical texts of expressions that are non-zero when the condition has the given outcome. */
	private static Set<String> nonZeroWhen(Node condition, boolean outcome) {
		if (condition instanceof Node.Not not) {
			return nonZeroWhen(not.operand(), !outcome);
		}
		if (condition instanceof Node.Logic logic) {
			Set<String> left = nonZeroWhen(logic.left(), outcome);
			Set<String> right = nonZeroWhen(logic.right(), outcome);
			if (logic.and() == outcome) { // both sides have the outcome
				return union(left, right);
			}
			Set<String> both = new HashSet<>(left);
			both.retainAll(right);
			return both;
		}
		if (condition instanceof Node.Compare compare) {
			String operator = outcome ? compare.operator() : negated(compare.operator());
			Node subject = compare.left();
			Node bound = compare.right();
			if (subject instanceof Node.Num && !(bound instanceof Node.Num)) {
				subject = compare.right();
				bound = compare.left();
				operator = mirrored(operator);
			}
			if (bound instanceof Node.Num number && excludesZero(operator, number.number())) {
				return Set.of(Node.text(subject));
			}
		}
		return Set.of();
	}

	/** Whether {@code x operator bound} rules out {@code x == 0}. */
	private static boolean excludesZero(String operator, double bound) {
		return switch (operator) {
			case ">" -> bound >= 0;
			case ">=" -> bound > 0;
			case "<" -> bound <= 0;
			case "<=" -> bound < 0;
			case "==" -> bound != 0;
			default -> bound == 0; // !=
		};
	}

	private static String negated(String operator) {
		return switch (operator) {
			case "<" -> ">=";
			case "<=" -> ">";
			case ">" -> "<=";
			case ">=" -> "<";
			case "==" -> "!=";
			default -> "==";
		};
	}

	private static String mirrored(String operator) {
		return switch (operator) {
			case "<" -> ">";
			case "<=" -> ">=";
			case ">" -> "<";
			case ">=" -> "<=";
			default -> operator;
		};
	}

	// cycles

	/** The indicators referenced by an indicator, in order of first use. */
	private static Set<String> dependencies(Map<String, Formula> indicators, String key) {
		Set<String> dependencies = new LinkedHashSet<>(indicators.get(key).references());
		dependencies.retainAll(indicators.keySet());
		return dependencies;
	}

	/** The shortest cycle from an indicator back to itself, such as [a, b, a], or null. */
	private static List<String> cycle(Map<String, Formula> indicators, String start) {
		Map<String, String> cameFrom = new HashMap<>();
		Deque<String> queue = new ArrayDeque<>(List.of(start));
		while (!queue.isEmpty()) {
			String current = queue.poll();
			for (String next : dependencies(indicators, current)) {
				if (next.equals(start)) {
					Deque<String> path = new ArrayDeque<>(List.of(start));
					for (String step = current; !step.equals(start); step = cameFrom.get(step)) {
						path.addFirst(step);
					}
					path.addFirst(start);
					return List.copyOf(path);
				}
				if (!cameFrom.containsKey(next)) {
					cameFrom.put(next, current);
					queue.add(next);
				}
			}
		}
		return null;
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		if (b.isEmpty()) {
			return a;
		}
		Set<String> union = new HashSet<>(a);
		union.addAll(b);
		return union;
	}
}
