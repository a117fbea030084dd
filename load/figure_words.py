"""The words figure subjects are read with: who acts, verbs of money and change, measure nouns."""

# What a share is of when it measures something else: "a deficit of 4.4 per cent of GDP".
RATIO_BASES = {"gdp", "gnp", "gni"}
# Who acts rather than what is measured.
AGENT_ENTITIES = {"PERSON", "ORG", "GPE", "NORP", "LOC"}
# Heads of agent phrases the small model leaves untagged ("the federal government").
AGENT_NOUNS = {"government", "ministry", "authorities", "authority", "officials", "minister", "company",
               "firm", "administration", "state", "country", "side", "we", "they"}
# Verbs of money changing hands, and the noun for what they measure.
TRANSFER_NOUNS = {
    "spend": "spending", "incur": "expenditure", "invest": "investment", "pay": "payment",
    "allocate": "allocation", "earmark": "allocation", "lend": "loan", "loan": "loan",
    "borrow": "borrowing", "grant": "grant", "donate": "donation", "pledge": "pledge",
    "release": "funds released", "sell": "sale", "buy": "purchase", "purchase": "purchase",
    "export": "exports", "import": "imports", "earn": "earnings", "owe": "debt", "raise": "funds raised",
    "provide": "funding", "give": "funding", "deposit": "deposit", "contribute": "contribution", "seek": "request", "approve": "approval", "disburse": "disbursement",
    "own": "stake", "hold": "stake", "acquire": "stake", "save": "savings",
}
# Verbs of change ("grew by 15%"), and their noun.
CHANGE_NOUNS = {
    "grow": "growth", "rise": "rise", "increase": "increase", "fall": "fall", "drop": "drop",
    "decline": "decline", "jump": "jump", "surge": "surge", "climb": "rise", "soar": "rise",
    "slump": "fall", "plunge": "fall", "shrink": "contraction", "contract": "contraction",
    "expand": "expansion", "cut": "cut", "reduce": "reduction", "slash": "cut", "lower": "cut",
    "raise": "increase", "boost": "increase", "widen": "widening", "narrow": "narrowing",
    "shorten": "shortening", "extend": "extension", "gain": "gain", "lose": "loss", "dip": "dip",
}
# Verbs that describe their subject by the figure ("the bridge is 6 km long", "X
# spans 40 km"): a named subject is what is measured, even a place or a company.
DESCRIBING_VERBS = {"be", "become", "remain", "measure", "span", "stretch", "run", "cover", "weigh",
                    "cost", "total", "stand", "extend", "lie", "reach", "have", "rate", "price", "value"}
# "3.4 km is in B", "the rest lies in C": a figure as the subject of these states
# where part of something is, and measures what the figure before it measured.
STATE_VERBS = {"be", "lie", "fall", "remain", "stand", "run", "stretch", "pass", "sit", "belong"}
# Nouns that name a measure, not a thing: they need "of what" ("cost of the plant").
MEASURE_NOUNS = {"cost", "price", "value", "length", "capacity", "area", "height", "depth", "width",
                 "distance", "total", "size", "volume", "speed", "budget", "investment", "outlay",
                 "high", "low", "record", "peak", "level"}    # "reached a record high of $255.8 billion"
TIME_NOUNS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "quarter", "decade",
              "hour", "hours", "minute", "minutes", "time", "times", "period", "annually", "night", "date"}
DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
              "north-east", "north-west", "south-east", "south-west", "northeastern", "northwestern",
              "southeastern", "southwestern"}
# Dimensions a figure is "in" without naming what it measures: "5 km in length".
DIMENSION_NOUNS = {"length", "width", "height", "depth", "diameter", "size", "area", "total", "value", "weight",
                   "volume", "circumference", "terms", "all", "cash"}
