"""The vocabulary the casualty modules share: verbs, nouns and cue words.

Only kinds of words live here (verbs of harm, nouns for people, attackers,
events and places, verbs of reporting), never particular groups or places.
"""
from __future__ import annotations

# Casualty verbs by kind (lemmas, as spaCy's lemmatizer gives them).
VERB_KINDS = {
    "kill": "killed", "die": "killed", "martyr": "killed", "slay": "killed", "perish": "killed",
    "massacre": "killed", "assassinate": "killed", "murder": "killed", "behead": "killed", "gun": "killed",
    "execute": "killed", "lynch": "killed", "drown": "killed", "succumb": "killed",
    "neutralise": "killed", "neutralize": "killed", "electrocute": "killed", "slaughter": "killed",
    "asphyxiate": "killed", "suffocate": "killed",
    "injure": "injured", "wound": "injured", "hurt": "injured", "maim": "injured",
    "abduct": "abducted", "kidnap": "abducted",
    "release": "released", "free": "released", "rescue": "released", "liberate": "released",
    "arrest": "arrested", "detain": "arrested", "apprehend": "arrested", "nab": "arrested",
    "disappear": "missing",
}
# Taken by force: hostages are abducted, attackers and suspects are arrested ("captured two others").
SEIZE_VERBS = {"seize", "capture"}
# Predicative adjectives: "27 people are dead", "left 10 injured", "five remain missing".
ADJ_KINDS = {"dead": "killed", "killed": "killed", "injured": "injured", "wounded": "injured",
             "hurt": "injured", "missing": "missing", "kidnapped": "abducted", "abducted": "abducted",
             "unaccounted": "missing"}
# Verbs whose object is a harm their subject took: "sustained injuries", "suffered serious wounds".
SUFFER_VERBS = {"sustain", "suffer", "receive", "incur"}
HARM_NOUNS = {"injury", "wound", "burn", "fracture"}
# Verbs whose passive gives a state by its complement: "were found dead", "are feared dead",
# "were reported missing", "was declared dead".
STATE_VERBS = {"find", "fear", "presume", "declare", "report", "confirm", "pronounce", "list", "leave"}
# Verbs that take people away with "away"/"off": "took away 40 women", "carried off 12 villagers".
TAKE_AWAY_VERBS = {"take", "carry", "whisk", "drag", "spirit", "cart"}
# Who arrests rather than abducts when they take people away.
AUTHORITY_NOUNS = {"police", "policeman", "policemen", "force", "forces", "troop", "army", "soldier", "officer",
                   "security", "authority", "agent", "agency", "official", "military"}
# Verbs that do not hurt anyone when intransitive: "died" and "disappeared" take subjects.
INTRANSITIVE = {"die", "perish", "disappear", "succumb", "drown", "unaccounted"}
# Kinds whose verb is also used of things ("released a statement"): the noun must be people.
NEEDS_PEOPLE = {"released", "missing", "abducted", "arrested"}
# Copulas before a predicative adjective: "are dead", "remain missing", "went missing".
COPULAS = {"be", "remain", "lie", "go", "become", "stay"}

# Nouns that are people or groups of people (kinds of person, as with ranks).
PEOPLE_NOUNS = {
    "people", "person", "persons", "individual", "other", "civilian", "soldier", "troop", "trooper",
    "policeman", "policemen", "police", "officer", "guard", "member", "worker", "employee", "staff",
    "child", "children", "woman", "women", "man", "men", "student", "passenger", "pilgrim", "tourist",
    "hostage", "captive", "prisoner", "personnel", "force", "commando", "volunteer",
    "villager", "resident", "citizen", "national", "engineer", "journalist", "reporter", "official",
    "diplomat", "crew", "crewman", "crewmen", "sailor", "fisherman", "fishermen", "farmer", "miner",
    "protester", "demonstrator", "worshipper", "worshiper", "churchgoer", "mourner", "doctor", "nurse",
    "teacher", "boy", "girl", "infant", "baby", "migrant", "refugee", "smuggler", "paramilitary",
    "cadet", "recruit", "bodyguard", "driver", "security", "serviceman", "servicemen", "jawan", "cop",
    "constable", "ranger", "guardsman", "marine", "peacekeeper", "adult", "teenager", "youth", "elder",
    "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "relative", "kid",
    "pupil", "shopper", "commuter", "traveller", "traveler", "herdsman", "herdsmen", "seminarian", "motorist", "trader", "vendor", "herder", "shepherd", "labourer",
    "laborer", "contractor", "inmate", "detainee", "medic", "paramedic", "firefighter", "rescuer",
    "priest", "cleric", "imam", "monk", "nun", "missionary", "lawmaker", "politician", "candidate",
    "councillor", "councilman", "mayor", "chief", "leader", "commander", "agent", "spectator", "fan",
    "player", "visitor", "guest", "family", "occupant", "survivor", "victim", "casualty", "student",
    "gunman", "gunmen", "militant", "fighter", "insurgent", "terrorist", "rebel", "attacker",
    "assailant", "jihadist", "bomber", "kidnapper", "abductor", "extremist", "suspect", "militiaman",
    "militiamen", "guerrilla", "guerilla", "bandit", "pirate", "raider", "separatist", "insurgent",
    "manager", "director", "executive", "owner", "operator", "supervisor", "foreman", "boss", "chairman",
}
# People on the attackers' side: their deaths and arrests are not the perpetrator's doing.
ATTACKER_NOUNS = {
    "gunman", "gunmen", "militant", "fighter", "insurgent", "terrorist", "rebel", "attacker",
    "assailant", "jihadist", "bomber", "kidnapper", "abductor", "extremist", "suspect", "militiaman",
    "militiamen", "guerrilla", "guerilla", "bandit", "pirate", "raider", "separatist", "assassin",
    "captor", "hijacker", "shooter", "maoist", "naxal", "naxalite", "dacoit", "cadre",
}
# What is found of the dead: "found the bodies of 11 people", "23 bodies were recovered".
BODY_NOUNS = {"body", "bodies", "corpse", "corpses", "remains"}
FIND_VERBS = {"find", "recover", "discover", "retrieve", "exhume", "pull", "dig", "wash", "fish", "identify"}
# Generic names for an armed group: a named group given elsewhere beats them.
GROUP_NOUNS = {"group", "militia", "outfit", "organisation", "organization", "faction", "movement",
               "network", "cell", "gang", "men", "man", "wing", "force", "forces", "army", "unit",
               "cartel", "syndicate", "clan"}
# Group nouns whose name is often a place's or a person's ("the X cartel", "a militia, X Y"):
# the name is read whatever the tagger calls its words.
NAMED_AFTER_NOUNS = {"cartel", "gang", "militia", "syndicate", "clan"}

# Nouns for an event with casualties, which later sentences refer back to ("in the attack").
EVENT_NOUNS = {
    "attack", "blast", "bombing", "explosion", "ambush", "raid", "assault", "incident", "clash",
    "shooting", "abduction", "kidnapping", "strike", "bomb", "massacre", "killing", "murder", "gunfight",
    "firefight", "encounter", "shelling", "airstrike", "fighting", "violence", "operation",
    "shootout", "skirmish", "gunbattle",
    "flood", "flooding", "landslide", "mudslide", "mudflow", "rockfall", "earthquake", "quake", "fire", "blaze", "crash",
    "collision", "accident", "stampede", "storm", "cyclone", "typhoon", "hurricane", "tornado",
    "avalanche", "eruption", "collapse", "derailment", "disaster", "tragedy", "ied",
}
# Events that come one at a time: their plural ("died in attacks") is several incidents.
COUNTABLE_EVENTS = {"attack", "raid", "bombing", "ambush", "blast", "explosion", "shooting", "massacre",
                    "assault", "incident", "killing"}
# Lower-case particles inside names: "Jaish al-Adl", "Boucle du Mouhoun", "Front for the ...".
NAME_PARTICLES = {"al", "el", "ul", "ad", "ud", "bin", "ibn", "de", "du", "des", "la", "le", "of", "for",
                  "and", "the", "e", "i", "wal", "ash", "as", "an", "ar"}
# Modifiers that open a new incident: "a second attack", "in a separate incident".
NEW_EVENT_WORDS = {"first", "second", "third", "another", "separate", "different", "earlier", "previous",
                   "similar", "other", "fresh", "new", "latest", "last", "recent"}
# Verbs whose subject carried out the attack ("militants ambushed a convoy").
ATTACK_VERBS = {"attack", "ambush", "target", "storm", "raid", "bomb", "shoot", "fire", "open",
                "blow", "detonate", "trigger", "explode", "set", "hit", "strike", "behead", "stab",
                "hijack", "plant", "launch", "carry", "stage", "torch", "burn", "shell", "hurl", "lob", "throw"}
# Verbs of the event itself in a sentence that refers back ("the flooding began on Monday").
HAPPEN_VERBS = {"take", "occur", "happen", "begin", "start", "strike", "hit", "break", "erupt",
                "sweep", "affect", "target", "unfold"}

# Verbs of reporting: their subject (or, for "tell", the outlet told) gave the number;
# a date on them is the date of the report, not of the incident.
SAY_VERBS = {"say", "tell", "report", "confirm", "announce", "state", "add", "quote", "claim",
             "post", "publish", "write", "tweet", "issue", "cite", "comment", "note", "estimate"}
# Tolls: "the death toll rose to 35", "the number of dead stands at 12".
TOLL_NOUNS = {"toll", "tally", "number", "count", "figure"}
RISE_VERBS = {"rise", "climb", "increase", "jump", "reach", "grow", "mount", "soar", "hit"}

# Claims of responsibility and blame.
CLAIM_NOUNS = {"responsibility", "credit"}
SUSPECT_WORDS = {"suspect", "suspected", "believe", "believed", "allege", "alleged", "presume", "presumed"}
BLAME_VERBS = {"blame", "accuse", "attribute"}
# Roles that speak for a group: "X spokesman Y claimed responsibility" means X claimed it.
SPOKES_NOUNS = {"spokesman", "spokesperson", "spokeswoman", "commander", "leader", "chief",
                "official", "member", "fighter", "militant", "representative", "statement"}

# Nouns of places and their rank, finest first: a village beats a district beats a province.
PLACE_LEVELS = {
    "village": 0, "hamlet": 0, "neighbourhood": 0, "neighborhood": 0, "suburb": 0, "road": 0,
    "highway": 0, "street": 0, "market": 0, "camp": 0, "checkpoint": 0, "station": 1, "island": 3,
    "town": 1, "city": 1, "locality": 1, "capital": 1, "municipality": 1, "township": 1,
    "commune": 2, "district": 2, "territory": 2, "county": 2, "subdistrict": 2, "sub-district": 2,
    "area": 2, "zone": 2, "tehsil": 2, "taluk": 2, "block": 2, "division": 3, "valley": 2,
    "province": 3, "state": 3, "region": 3, "department": 3, "governorate": 3, "prefecture": 3,
    "oblast": 3, "county-level": 2, "country": 4, "border": 4,
    # local units of South and Southeast Asia, Africa, Europe: "Derai upazila", "Barangay X", "X woreda"
    "barangay": 0, "ward": 0, "mohalla": 0, "upazila": 2, "thana": 2, "mandal": 2, "taluka": 2,
    "panchayat": 1, "lga": 2, "arrondissement": 2, "canton": 2, "kebele": 0, "woreda": 2,
}
# The level of a name the text gives no place noun for (between a district and a province),
# and of a country.
UNKNOWN_LEVEL, COUNTRY_LEVEL = 2.5, 4
# Weapons and methods: "an IED blast", "a suicide car bomb attack" name no one.
WEAPON_WORDS = {"ied", "ieds", "vbied", "svbied", "rpg", "rpgs", "uav", "drone", "suicide", "car", "truck",
                "machete", "knife", "gun", "rifle", "grenade", "mortar", "rocket", "missile", "mine",
                "bomb", "bombs", "explosive", "explosives", "ak-47", "ak"}
# Things that kill but are nobody: a headline's "Tornado kills 7", "Airstrikes kill 14", "Bus
# plunge kills 9" names no perpetrator (with EVENT_NOUNS and WEAPON_WORDS).
THING_WORDS = {"airstrike", "air", "strike", "rain", "downpour", "cloudburst", "wildfire", "lightning",
               "heatwave", "wind", "wave", "tsunami", "shell", "shrapnel", "bullet", "blast", "vehicle",
               "bus", "truck", "lorry", "train", "boat", "ferry", "plane", "helicopter", "motorcycle",
               "tanker", "jeep", "van", "minibus", "cold", "heat", "snow", "gas", "smoke"}
# Prepositions that introduce where an incident happened.
PLACE_PREPS = {"in", "near", "between", "at", "outside", "inside", "across", "along", "on", "off", "around"}
# Participles that place the perpetrator, not the incident ("a group based in X").
BASE_VERBS = {"base", "headquarter", "locate", "operate", "originate", "belong"}

# Signs that a count is a running total over a period, not an incident: "since 2019", "so far".
PERIOD_WORDS = {"year", "years", "decade", "decades", "months", "weeks", "so far"}
# Words that tie attackers to the group they belong to: "militants linked to X", "fighters loyal to X".
TIED_WORDS = {"link", "linked", "affiliate", "affiliated", "ally", "allied", "loyal", "tie", "tied", "belong"}
# Events nobody does: their modifiers are places or things ("city building fire").
MISHAP_NOUNS = {"fire", "blaze", "flood", "flooding", "landslide", "mudslide", "mudflow", "rockfall", "earthquake",
                "quake", "crash", "collision", "accident", "stampede", "storm", "cyclone", "typhoon", "hurricane",
                "tornado", "avalanche", "eruption", "collapse", "derailment", "disaster", "tragedy"}
