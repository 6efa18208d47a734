"""Fictitious identities for the demo: people, aliases, CPR numbers, towns, authorities.

Everything here is made up. Names are combinations of common Danish first names and
surnames, checked against a list of well-known Danes so no famous person appears. Towns are
invented ("Nordby", "Sydby" …) with postal codes 0101–0104, which no Danish town has; phone
numbers start with 00, which no Danish subscriber number does; e-mail domains end in
``.example`` (reserved by RFC 2606). CPR numbers use the sequence range 9000–9999 and are
chosen to *fail* the old modulus-11 test, so they cannot be a number issued before 2007.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

FEMALE_FIRST_NAMES = (
    "Anne", "Kirsten", "Hanne", "Mette", "Anna", "Helle", "Susanne", "Lene", "Maria", "Marianne",
    "Lone", "Camilla", "Pia", "Louise", "Charlotte", "Tina", "Gitte", "Bente", "Jette", "Karen",
    "Sofie", "Ida", "Emma", "Julie", "Line", "Maja", "Signe", "Sara", "Katrine", "Trine",
    "Dorthe", "Rikke", "Malene", "Stine", "Nadia", "Fatima", "Amalie", "Cecilie", "Birgitte",
    "Vibeke", "Laura", "Freja", "Josefine", "Mia", "Zainab", "Agnieszka", "Linh", "Yasmin",
)
MALE_FIRST_NAMES = (
    "Peter", "Jens", "Lars", "Michael", "Henrik", "Thomas", "Søren", "Jan", "Christian",
    "Martin", "Niels", "Anders", "Morten", "Jesper", "Mads", "Rasmus", "Per", "Hans", "Jørgen",
    "Ole", "Kim", "Brian", "Torben", "Bo", "Steen", "Kasper", "Mikkel", "Jonas", "Frederik",
    "Emil", "Mathias", "Oliver", "Lucas", "Tobias", "Simon", "Nikolaj", "Jacob", "Allan",
    "René", "Claus", "Flemming", "Bjarne", "Ahmed", "Omar", "Tomasz", "Minh", "Mehmet", "Ali",
)
SURNAMES = (
    "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen",
    "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen",
    "Mikkelsen", "Frederiksen", "Laursen", "Henriksen", "Lund", "Schmidt", "Eriksen", "Holm",
    "Kristiansen", "Clausen", "Simonsen", "Svendsen", "Andreasen", "Iversen", "Jeppesen",
    "Mogensen", "Vestergaard", "Nissen", "Lauridsen", "Kjær", "Jespersen", "Søndergaard",
    "Bach", "Dahl", "Friis", "Berg", "Krogh", "Skov", "Bruun", "Juhl", "Hald", "Brandt",
    "Ali", "Hussein", "Yilmaz", "Nguyen", "Kowalski", "Ahmadi", "Nowak", "Demir",
)
# Well-known Danes (politicians, artists, athletes, historical and notorious people) whose
# names the generator could otherwise produce. Compared case-insensitively on "first last".
FAMOUS_NAMES = frozenset(name.casefold() for name in (
    "Mette Frederiksen", "Lars Larsen", "Kim Larsen", "Anders Rasmussen", "Lars Rasmussen",
    "Poul Rasmussen", "Morten Olsen", "Jesper Olsen", "Peter Madsen", "Mads Mikkelsen",
    "Lars Mikkelsen", "Christian Eriksen", "Niels Bohr", "Karen Blixen", "Dan Jørgensen",
    "Anker Jørgensen", "Kristian Jensen", "Brian Nielsen", "Allan Simonsen", "Casper Christensen",
    "Peter Møller", "John Jensen", "Michael Laudrup", "Brian Laudrup", "Peter Schmeichel",
    "Helle Schmidt", "Søren Poulsen", "Pia Olsen", "Anders Andersen", "Hans Andersen",
    "Jens Skou", "Thomas Helmig", "Anne Linnet", "Anders Holm", "Jonas Vingegaard",
    "Mikkel Hansen", "Niklas Landin", "Caroline Wozniacki", "Holger Rune", "Kasper Hjulmand",
    "Jens Stoltenberg", "Ole Henriksen", "Morten Messerschmidt", "Søren Espersen",
    "Thomas Jensen", "Per Kirkeby", "Simon Kjær", "Kasper Schmeichel", "Martin Jørgensen",
    "Bjarne Riis", "Mette Lindberg", "Søren Kierkegaard", "Jacob Riis", "Per Nørgaard",
))

ANIMAL_ALIASES = (
    "Ravnen", "Måren", "Kragen", "Ræven", "Uglen", "Falken", "Spurven", "Hjorten", "Egernet",
    "Sælen", "Lærken", "Svanen", "Ørnen", "Musvågen", "Stæren", "Hejren", "Grævlingen",
    "Pindsvinet", "Odderen", "Haren", "Drosslen", "Mågen", "Tranen", "Viben",
)

# (postal code, town): invented towns, with postal codes no Danish town has.
TOWNS = (("0101", "Nordby"), ("0102", "Sydby"), ("0103", "Østby"), ("0104", "Vestby"))
STREETS = (
    "Birkevej", "Skovvej", "Engvej", "Kirkevej", "Møllevej", "Stationsvej", "Nørregade",
    "Søndergade", "Ahornvej", "Lærkevej", "Rosenvænget", "Tjørnevej", "Bøgevej", "Havnegade",
    "Parkvej", "Solsikkevej", "Kastanjealle", "Violvej", "Markvej", "Åboulevarden",
)

# (name, kind, municipality town) — kind is "kommune" or "jobcenter".
AUTHORITIES = (
    ("Nordby Kommune", "kommune", "Nordby"), ("Jobcenter Nordby", "jobcenter", "Nordby"),
    ("Sydby Kommune", "kommune", "Sydby"), ("Jobcenter Sydby", "jobcenter", "Sydby"),
    ("Østby Kommune", "kommune", "Østby"), ("Jobcenter Vestby", "jobcenter", "Vestby"),
)

# (name, kind, organisation, consent purpose)
PARTNERS = (
    ("Lægehuset Nordby", "gp", "Almen praksis",
     "Udveksling af oplysninger om helbred og medicin"),
    ("Lægerne på Torvet, Sydby", "gp", "Almen praksis",
     "Udveksling af oplysninger om helbred og medicin"),
    ("Distriktspsykiatrien Nordby", "psychiatry", "Region Demo, psykiatrien",
     "Samarbejde om psykiatrisk behandling og udskrivning"),
    ("Rusmiddelcentret Sydby", "addiction", "Sydby Kommune",
     "Koordinering af misbrugsbehandling"),
    ("Jobcenter Nordby, virksomhedsservice", "jobcenter", "Jobcenter Nordby",
     "Samarbejde om beskæftigelsesindsatsen"),
    ("Boligkontoret Vestby Boligforening", "housing", "Vestby Boligforening",
     "Dialog om husleje og boligforhold"),
    ("Demo Inkasso A/S", "creditor", "Demo Inkasso A/S", "Forhandling af afdragsordning"),
    ("Nordby Forsyning", "creditor", "Nordby Forsyning A/S",
     "Aftale om betaling af restancer"),
)
# How a relative is related to the citizen.
RELATIONS = ("mor", "far", "søster", "bror", "datter", "søn", "ven", "nabo", "moster")


def is_famous(first: str, last: str) -> bool:
    return f"{first} {last}".casefold() in FAMOUS_NAMES


def person_name(rng: random.Random) -> tuple[str, str]:
    """A fictitious (first, last) name; never one of ``FAMOUS_NAMES``."""
    while True:
        first = rng.choice(FEMALE_FIRST_NAMES if rng.random() < 0.5 else MALE_FIRST_NAMES)
        last = rng.choice(SURNAMES)
        if not is_famous(first, last):
            return first, last


def alias(index: int) -> str:
    """The ``index``-th §99 alias: "Ravnen", "Måren" …, then "Ravnen 2" …"""
    base = ANIMAL_ALIASES[index % len(ANIMAL_ALIASES)]
    round_number = index // len(ANIMAL_ALIASES)
    return base if round_number == 0 else f"{base} {round_number + 1}"


_MOD11_WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


def passes_modulus_11(digits: str) -> bool:
    return sum(w * int(c) for w, c in zip(_MOD11_WEIGHTS, digits, strict=True)) % 11 == 0


def fictitious_cpr(rng: random.Random, birth: date, used: set[str]) -> str:
    """A CPR number for ``birth`` with sequence 9000–9999 that fails modulus 11.

    The 7th digit 9 means 1937–1999 for years 37–99 and 2000–2036 for 00–36, so the birth
    date decodes correctly for anyone born 1937–2036.
    """
    if not 1937 <= birth.year <= 2036:
        raise ValueError("Demo birth dates must lie in 1937–2036")
    prefix = birth.strftime("%d%m%y")
    while True:
        number = f"{prefix}{rng.randint(9000, 9999)}"
        if number not in used and not passes_modulus_11(number):
            used.add(number)
            return number


def phone(rng: random.Random) -> str:
    """An 8-digit number starting with 00: no Danish subscriber number does."""
    return f"00 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"


def street_address(rng: random.Random) -> str:
    floor = rng.choice(("", "", ", st. tv.", ", 1. th.", ", 2. tv.", ", 3. mf."))
    return f"{rng.choice(STREETS)} {rng.randint(1, 140)}{floor}"


def email_local(first: str, last: str) -> str:
    table = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", " ": "."})
    return f"{first}.{last}".casefold().translate(table)


def citizen_fields(rng: random.Random, today: date, town: int, used_cpr: set[str],
                   used_names: set[tuple[str, str]]) -> dict:
    """Name, CPR (an adult of 18–72), address and contact details of a named citizen."""
    first, last = person_name(rng)
    for _ in range(20):  # avoid namesakes in a small team's list
        if (first, last) not in used_names:
            break
        first, last = person_name(rng)
    used_names.add((first, last))
    birth = today - timedelta(days=rng.randint(18 * 365 + 5, 72 * 365))
    cpr = fictitious_cpr(rng, birth, used_cpr)
    email = f"{email_local(first, last)}@post.example" if rng.random() < 0.4 else ""
    postal, city = TOWNS[town]
    return {"first_name": first, "last_name": last, "alias": "", "cpr": cpr,
            "cpr_last4": cpr[-4:], "address": street_address(rng), "postal_code": postal,
            "city": city, "phone": phone(rng), "email": email, "note": "",
            # ContactForm codes, as the record's combo stores them.
            "preferred_contact": rng.choice(("sms", "phone", "home_visit",
                                             "online" if email else "sms"))}


def anonymous_fields(nickname: str, town: int) -> dict:
    """A §99 citizen: an alias, no CPR, no address."""
    return {"first_name": "", "last_name": "", "alias": nickname, "cpr": None, "cpr_last4": "",
            "address": "", "postal_code": "", "city": TOWNS[town][1], "phone": "", "email": "",
            "preferred_contact": "activity_centre",
            "note": "Anonym efter SEL §99. Mødes på værestedet."}


def relatives(rng: random.Random, citizen_id: int) -> list[dict]:
    rows = []
    for _ in range(rng.choices((0, 1, 2), (40, 40, 20))[0]):
        first, last = person_name(rng)
        rows.append({"citizen_id": citizen_id, "name": f"{first} {last}",
                     "relation": rng.choice(RELATIONS), "phone": phone(rng), "note": "",
                     "version": 1})
    return rows
