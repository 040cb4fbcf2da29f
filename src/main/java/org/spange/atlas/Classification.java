package org.spange.atlas;

import java.util.List;

/**
 * Values divided into classes for a map.
 * <p>
 * Class {@code i} holds the values v with {@code breaks[i] < v <= breaks[i + 1]}; the first class also holds
 * {@code breaks[0]}. So the breaks are the upper ends of the classes, as Jenks defines them, and {@code breaks[0]} may
 * equal {@code breaks[1]} when the lowest value forms a class of its own. Quantiles and natural breaks never leave a
 * class empty; equal intervals, standard deviations and manual breaks can.
 *
 * @param method the method used
 * @param requestedClasses the number of classes asked for; {@link #classes()} is smaller when the data cannot fill
 *        them, such as fewer distinct values than classes, all values equal, or no values at all
 * @param breaks the {@code classes() + 1} boundaries from the lowest to the highest (for manual breaks: as given)
 * @param classIndexes the class of each value, in the order the values were given
 * @param counts the number of values in each class
 */
public record Classification(ClassificationMethod method, int requestedClasses, List<Double> breaks,
		List<Integer> classIndexes, List<Integer> counts) {

	public Classification {
		breaks = List.copyOf(breaks);
		classIndexes = List.copyOf(classIndexes);
		counts = List.copyOf(counts);
		if (!breaks.isEmpty() && breaks.size() != counts.size() + 1) {
			throw new IllegalArgumentException("need one break more than classes");
		}
	}

	/** The number of classes formed; 0 without values. */
	public int classes() {
		return counts.size();
	}

	/** Whether fewer classes were formed than requested: the legend should say so. */
	public boolean reduced() {
		return classes() < requestedClasses;
	}

	/** The class of the value at this position of the input. */
	public int classOf(int valueIndex) {
		return classIndexes.get(valueIndex);
	}
}
