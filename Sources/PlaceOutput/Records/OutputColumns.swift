/// Column and property names of the files the analyses write, shared by the writers and by
/// ``OutputFolder``, which reads the files back.
public enum CoterminosityColumns {
    public static let placeCode = "place_code"
    public static let placeName = "place_name"
    public static let systemCode = "system_code"
    public static let systemName = "system_name"
    public static let status = "status"
    public static let population = "population"
    public static let sliver = "sliver"
    /// places.geojson: each place's systems, an array of objects with these members.
    public static let systems = "systems"
    public static let code = "code"
    public static let name = "name"
    public static let areaShare = "area_share"
    public static let populationShare = "population_share"
}

/// Columns of a diff folder's tables and changed-blocks layer.
public enum DiffColumns {
    public static let oldCode = "old_code"
    public static let oldName = "old_name"
    public static let newCode = "new_code"
    public static let newName = "new_name"
    public static let fate = "fate"
    public static let oldPopulation = "old_population"
    public static let newPopulation = "new_population"
    public static let peopleGained = "people_gained"
    public static let peopleLost = "people_lost"
    public static let blocks = "blocks"
    public static let population = "population"
    public static let change = "change"
    public static let blockCode = "block_code"
    public static let placeCode = "place_code"
    public static let placeName = "place_name"
    public static let statusBefore = "status_before"
    public static let systemsBefore = "systems_before"
    public static let statusAfter = "status_after"
    public static let systemsAfter = "systems_after"
    public static let footprint = "footprint"
    public static let systemCode = "system_code"
    public static let madeOfWholePlaces = "made_of_whole_places"
}

/// Columns of contiguity's groups.csv.
public enum ContiguityColumns {
    public static let group = "group"
    public static let members = "n_members"
    public static let pieces = "n_pieces"
    public static let connected = "connected"
    public static let exclaves = "exclaves"
}

/// Columns of the catchments tables and layer.
public enum CatchmentColumns {
    public static let trustCode = "trust_code"
    public static let trustName = "trust_name"
    public static let populationProportional = "population_proportional"
    public static let populationFirstPastThePost = "population_first_past_the_post"
    /// Suffixes of each attribute column, one per method.
    public static let proportional = "_proportional"
    public static let firstPastThePost = "_first_past_the_post"
    public static let placeCode = "place_code"
    public static let placeName = "place_name"
    public static let population = "population"
    public static let shareOfTrust = "share_of_trust"
}
