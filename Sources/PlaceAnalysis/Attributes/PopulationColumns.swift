/// The names a column of people goes by: the one place placemap's defaults for population columns come
/// from (the population table, census tables, long-form values, the kind of an attribute column).
public enum PopulationColumns {
    /// Column names taken as a population when none is named, in the order they are looked for.
    public static let names = ["usual_residents", "population", "pop", "residents", "people", "persons", "count", "value", "total"]

    /// Name beginnings that mark a numeric attribute column as a count of people (summed, not averaged);
    /// the generic `value`, `total` and `pop` of ``names`` are left out, as they begin rates too.
    public static let countPrefixes = ["population", "usual_residents", "residents", "people", "persons", "count", "number"]
}
