"""Fictitious building blocks for the demo database: names, places, sentences, CPR numbers.

Everything here is made up. Names are combinations of common Danish first names and
surnames, checked against a list of well-known Danes so no famous person appears. Towns are
invented ("Nordby", "Sydby" …) with postal codes 0101–0104, which no Danish town has; phone
numbers start with 00, which no Danish subscriber number does; e-mail domains end in
``.example`` (reserved by RFC 2606). CPR numbers use the sequence range 9000–9999 and are
chosen to *fail* the old modulus-11 test, so they cannot be a number issued before 2007.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import Any

from mentordesk.domain import vum
from mentordesk.domain.codes import GoalStatus
from mentordesk.domain.economy import (
    EXPENSE_ITEMS,
    INCOME_ITEMS,
    ONE_OFF_BENEFIT_LEGAL_BASIS,
    DebtStatus,
    DebtType,
    NormKind,
    OneOffBenefitStatus,
)
from mentordesk.domain.vum import GoalType
from mentordesk.storage.models import MONTH_COLUMNS

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
DEMO_HOUSE = "Demohuset, Havnegade 1, 0101 Nordby"

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
ACCOMPANIMENT_PLACES = (
    "Lægen", "Jobcentret", "Distriktspsykiatrien", "Rusmiddelcentret", "Banken", "Boligkontoret",
    "Tandlægen", "AA-møde", "Borgerservice", "Apoteket",
)
PUBLIC_PLACES = (
    "Café i centrum", "Biblioteket", "Gåtur i parken", "Havnen", "Bænken ved stationen",
    "Indkøbscentret", "Værestedet Fyrtårnet",
)
ACTIVITY_PLACES = ("Værestedet Fyrtårnet", "Aktivitetshuset", "Fællesspisning i Demohuset")

NOTES = {
    "home_visit": (
        "Vi talte om ugen der gik og planlagde de næste dage.", "Gennemgik post og e-Boks sammen.",
        "Ryddede op i køkkenet sammen og lavede en ugeplan.", "Fulgte op på månedens budget.",
        "Borgeren virkede mere rolig end sidst.", "Lavede en indkøbsliste og talte om madplan.",
        "Borgeren fortalte om dårlig søvn; vi aftalte at tale med lægen.",
        "Borgeren har passet sin medicin hele ugen.",
    ),
    "public_space": (
        "Vi gik en tur og talte om familien.", "Mødtes på biblioteket og søgte job sammen.",
        "Kaffe på caféen; borgeren fortalte om en god weekend.",
        "Borgeren var presset; vi talte om hvad der kan hjælpe.",
    ),
    "activity_centre": (
        "Deltog i fællesspisning og snakkede med de andre.",
        "Borgeren hjalp til i køkkenet i værestedet.", "Spillede kort med de andre; god stemning.",
    ),
    "accompaniment": (
        "Fulgte borgeren til lægen.", "Ledsagede til møde på jobcentret.",
        "Fulgte med til samtale på rusmiddelcentret.", "Ledsagede til AA-møde.",
        "Fulgte med i banken og fik oprettet betalingsservice.",
        "Ledsagede til boligkontoret om huslejerestance.",
    ),
    "phone": (
        "Telefonsamtale: borgeren havde det okay.", "Ringede for at minde om aftalen i morgen.",
        "Borgeren ringede og bad om hjælp til et brev fra kommunen.",
        "Kort opfølgning efter udskrivning; borgeren er kommet godt hjem.",
    ),
    "sms": ("SMS om aftalen på torsdag.", "Sendte påmindelse om lægetid.",
            "Borgeren skrev at det går fint."),
    "online": ("Videosamtale via den sikre platform.",
               "Onlinesamtale om ugens planer; borgeren valgte selv tidspunktet."),
}
FOLLOW_UPS = ("Næste aftale er lagt i kalenderen.", "Vi følger op næste gang.",
              "Borgeren var glad for besøget.", "Aftalt at borgeren selv ringer til kommunen.",
              "Det går den rigtige vej.")
NO_SHOW_NOTES = ("Borgeren var ikke hjemme; lagt en seddel.", "Udeblev; ringede uden svar.",
                 "Borgeren mødte ikke op; sendte en SMS.", "Aflyst af borgeren samme dag.")
CITIZEN_VIEWS = (
    "Jeg synes, det går bedre.", "Det er stadig svært for mig.", "Jeg er glad for hjælpen.",
    "Jeg kan selv mere nu.", "Jeg har haft en hård periode.", "Jeg vil gerne fortsætte.",
)
MENTOR_NOTES = (
    "Borgeren har gjort fremskridt siden sidst.", "Status uændret; fortsat behov for støtte.",
    "Tilbagefald i perioden, men god kontakt.", "Borgeren tager mere initiativ selv.",
    "Stabil periode med god mødestabilitet.",
)
REPORT_ASSESSMENTS = (
    "Borgeren har i perioden arbejdet stabilt med sine mål og mødt op til de fleste aftaler.",
    "Der ses en tydelig progression, især i forhold til struktur i hverdagen.",
)
REPORT_NEXT_STEPS = (
    "Fortsat fokus på økonomi og døgnrytme.", "Gradvis udslusning og flere opgaver på egen hånd.",
)

# (theme name, sub-theme name, goal title in the citizen's words, sub-goal texts)
GOAL_TEMPLATES = (
    ("Samfundsliv", "Varetage økonomi", "Få overblik over min økonomi",
     ("Lave et budget sammen med mentor", "Oprette betalingsservice på faste udgifter")),
    ("Samfundsliv", "Varetage økonomi", "Lave en afdragsordning på min gæld",
     ("Samle alle regninger i en mappe", "Kontakte kreditorerne", "Betale første afdrag")),
    ("Samfundsliv", "Håndtere post", "Tjekke e-Boks selv hver uge",
     ("Få MitID til at virke", "Læse e-Boks hver mandag")),
    ("Samfundsliv", "Varetage bolig", "Beholde min lejlighed",
     ("Betale husleje til tiden", "Holde møde med boligkontoret")),
    ("Samfundsliv", "Varetage beskæftigelse", "Møde stabilt op i praktik",
     ("Stå op kl. 7 på hverdage", "Møde op fire dage om ugen")),
    ("Samfundsliv", "Varetage uddannelse", "Starte på et kursus på VUC",
     ("Besøge skolen", "Søge optagelse")),
    ("Relationer", "Deltage i sociale fællesskaber og fritidsaktiviteter",
     "Komme med i en gruppe eller forening",
     ("Prøve fællesspisning", "Finde en forening der passer mig")),
    ("Relationer", "Varetage relationer til netværk", "Have bedre kontakt til min familie",
     ("Ringe til min søster hver søndag", "Invitere familien på kaffe")),
    ("Relationer", "Indgå i samspil og kontakt", "Udvikle mine sociale kompetencer",
     ("Sige hej til naboerne", "Deltage i gruppeforløb")),
    ("Kommunikation", "Anvende kommunikationsudstyr- og teknikker", "Bruge MitID og e-Boks selv",
     ("Installere MitID-appen", "Logge på selv")),
    ("Kommunikation", "Samtale", "Kunne sige min mening på møder med kommunen",
     ("Skrive spørgsmål ned før mødet", "Deltage i mødet med mentor")),
    ("Mobilitet", "Færdes med transportmidler", "Tage bussen alene",
     ("Køre turen sammen med mentor", "Køre turen alene")),
    ("Egenomsorg", "Varetage egen sundhed", "Tage min medicin som aftalt",
     ("Bruge doseringsæske", "Komme til kontrol hos lægen")),
    ("Egenomsorg", "Varetage egen sundhed", "Skære ned på hashforbruget",
     ("Føre dagbog over forbruget", "Starte samtaler på rusmiddelcentret")),
    ("Egenomsorg", "Varetage egen sundhed", "Få en bedre døgnrytme",
     ("Gå i seng før midnat", "Gå en tur hver formiddag")),
    ("Egenomsorg", "Dyrke interesse", "Finde en fritidsinteresse",
     ("Prøve tre aktiviteter", "Vælge én at fortsætte med")),
    ("Praktiske opgaver", "Gøre rent", "Mere struktur i hverdagen",
     ("Lave en ugeplan", "Vaske op hver dag", "Støvsuge hver uge")),
    ("Praktiske opgaver", "Købe ind", "Handle ind efter en indkøbsliste",
     ("Skrive indkøbsliste", "Handle ind alene")),
    ("Praktiske opgaver", "Lave mad", "Lave varm mad tre gange om ugen",
     ("Lære tre nemme retter", "Lave mad sammen med mentor")),
    ("Praktiske opgaver", "Vaske tøj", "Vaske tøj selv en gang om ugen",
     ("Booke vasketid", "Vaske og lægge tøjet sammen")),
)

GROUP_COURSES = (  # name, weekday (0 = Monday), hour, minutes, months before today, ended
    ("Økonomi- og IT-gruppe", 1, 10, 120, 24, False), ("Forandringsgruppe", 3, 13, 90, 12, False),
    ("Gå- og snakkegruppe", 0, 10, 60, 30, True),
)
BENEFIT_PURPOSES = (
    ("Tandbehandling", 650_000), ("Depositum til ny bolig", 2_400_000),
    ("Vinterjakke og støvler", 150_000), ("Briller", 220_000), ("Ny seng", 400_000),
)
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
            "preferred_contact": rng.choice(("SMS", "Telefon", "Besøg", "E-mail" if email
                                             else "SMS"))}


def anonymous_fields(nickname: str, town: int) -> dict:
    """A §99 citizen: an alias, no CPR, no address."""
    return {"first_name": "", "last_name": "", "alias": nickname, "cpr": None, "cpr_last4": "",
            "address": "", "postal_code": "", "city": TOWNS[town][1], "phone": "", "email": "",
            "preferred_contact": "Værestedet",
            "note": "Anonym efter SEL §99. Mødes på værestedet."}


def relatives(rng: random.Random, citizen_id: int) -> list[dict]:
    rows = []
    for _ in range(rng.choices((0, 1, 2), (40, 40, 20))[0]):
        first, last = person_name(rng)
        rows.append({"citizen_id": citizen_id, "name": f"{first} {last}",
                     "relation": rng.choice(RELATIONS), "phone": phone(rng), "note": "",
                     "version": 1})
    return rows


_FIXED_PLACES = {"home_visit": "Borgerens hjem", "phone": "Telefon", "sms": "",
                 "online": "Sikker videoplatform", "group": DEMO_HOUSE}
_PLACE_CHOICES = {"public_space": PUBLIC_PLACES, "activity_centre": ACTIVITY_PLACES,
                  "accompaniment": ACCOMPANIMENT_PLACES}


def contact_place(rng: random.Random, form: str) -> str:
    choices = _PLACE_CHOICES.get(form)
    return rng.choice(choices) if choices else _FIXED_PLACES.get(form, "")


def contact_note(rng: random.Random, form: str, attended: bool) -> str:
    if not attended:
        return rng.choice(NO_SHOW_NOTES)
    text = rng.choice(NOTES[form])
    if rng.random() < 0.3:
        text += " " + rng.choice(FOLLOW_UPS)
    return text


def theme_codes() -> dict[str, str]:
    """FFB codes of the goal templates' themes ("Samfundsliv") and sub-themes
    ("Samfundsliv/Varetage økonomi")."""
    codes: dict[str, str] = {}
    for theme in vum.activity_themes():
        codes[theme.name] = theme.code
        for sub in vum.children(theme.code):
            codes[f"{theme.name}/{sub.name}"] = sub.code
    return codes


# --- contacts ---------------------------------------------------------------------------

FORMS = ("home_visit", "public_space", "activity_centre", "accompaniment", "phone", "sms",
         "online")
# Cumulative weights per legal basis ("" = any other): §99 is outreach in public space,
# §12 is mostly phone and online talks right after discharge.
_WEIGHTS = {"": (30, 10, 8, 12, 22, 12, 6), "SEL §99": (12, 35, 18, 8, 15, 10, 2),
            "SEL §12": (10, 6, 4, 6, 45, 14, 15)}
FORM_CUM_WEIGHTS = {
    basis: tuple(sum(weights[: i + 1]) for i in range(len(weights)))
    for basis, weights in _WEIGHTS.items()
}
DURATIONS = {"home_visit": (45, 120), "public_space": (30, 120), "activity_centre": (60, 180),
             "accompaniment": (60, 180), "phone": (15, 45), "sms": (15, 15),
             "online": (30, 60)}


def weeks(low: date, high: date) -> Iterator[tuple[list[date], float]]:
    """Each week's weekdays within [low, high] and that week's share of a full week of
    contacts, damped in the summer holidays and around Christmas."""
    monday = low - timedelta(days=low.weekday())
    while monday <= high:
        days = [day for day in (monday + timedelta(days=d) for d in range(5))
                if low <= day <= high]
        if days:
            week = monday.isocalendar()[1]
            season = 0.6 if 28 <= week <= 31 else (0.4 if week in (1, 52, 53) else 1.0)
            yield days, len(days) / 5 * season
        monday += timedelta(days=7)


# --- action plans -------------------------------------------------------------------------


def levels(rng: random.Random, start: date, end: date,
           goal_type: GoalType) -> list[tuple[date, int | None, int | None]]:
    """(date, function level, support need) about every 3 months; 0 is best, and levels
    mostly improve for goals that develop, stay for maintain, slip slowly for limit-loss."""
    better, worse = {GoalType.DEVELOP: (0.35, 0.08), GoalType.MAINTAIN: (0.1, 0.1),
                     GoalType.LIMIT_LOSS: (0.0, 0.2)}[goal_type]
    level = rng.choices((1, 2, 3, 4), (1, 4, 4, 1))[0]
    series: list[tuple[date, int | None, int | None]] = []
    day = start
    while day <= end:
        if rng.random() < 0.03:
            series.append((day, None, None))  # ikke vurderet
        else:
            series.append((day, level, min(4, max(0, level + rng.choice((-1, 0, 0, 1))))))
        roll = rng.random()
        if roll < better:
            level = max(0, level - 1)
        elif roll < better + worse:
            level = min(4, level + 1)
        day += timedelta(days=rng.randint(77, 105))
    return series


def goal_status(rng: random.Random, case_closed: bool, series: list) -> GoalStatus:
    if not series:
        return GoalStatus.NOT_STARTED
    if case_closed:
        return rng.choices((GoalStatus.ACHIEVED, GoalStatus.GIVEN_UP, GoalStatus.CHANGED,
                            GoalStatus.IN_PROGRESS), (50, 20, 15, 15))[0]
    last_level = series[-1][1]
    if last_level is not None and last_level <= 1 and rng.random() < 0.5:
        return GoalStatus.ACHIEVED
    return rng.choices((GoalStatus.IN_PROGRESS, GoalStatus.CHANGED, GoalStatus.GIVEN_UP),
                       (88, 6, 6))[0]


def sub_goal_status(rng: random.Random, goal: GoalStatus, deadline: date,
                    today: date) -> GoalStatus:
    if goal in (GoalStatus.ACHIEVED, GoalStatus.NOT_STARTED):
        return goal
    if deadline < today:
        return rng.choices((GoalStatus.ACHIEVED, GoalStatus.IN_PROGRESS, GoalStatus.GIVEN_UP),
                           (60, 25, 15))[0]
    return rng.choices((GoalStatus.IN_PROGRESS, GoalStatus.NOT_STARTED), (60, 40))[0]


def action_plan(rng: random.Random, case: Any, codes: dict[str, str], today: date,
                goal_id: int, subs: list[dict], assessments: list[dict]) -> Iterator[dict]:
    """2–4 goals for a case (a ``demo._Case``), numbered from ``goal_id``, each with its
    sub-goals and assessments (appended to ``subs`` and ``assessments``)."""
    for position, (theme, sub, title, steps) in enumerate(
            rng.sample(GOAL_TEMPLATES, rng.randint(2, 4))):
        grant = case.grants[0] if position < 2 else rng.choice(case.grants)
        start = grant.start + timedelta(days=rng.randint(0, 30))
        goal_type = rng.choices(tuple(GoalType), (70, 20, 10))[0]
        end = case.active_until
        series = levels(rng, start, end, goal_type) if end and start <= end else []
        status = goal_status(rng, case.status == "closed", series)
        assessments += [{
            "goal_id": goal_id, "assessed_on": day, "level": level, "support_need": need,
            "author_id": case.primary_at(day.toordinal()), "version": 1,
            "citizen_view": rng.choice(CITIZEN_VIEWS), "mentor_note": rng.choice(MENTOR_NOTES),
        } for day, level, need in series]
        for step, text in enumerate(steps):
            deadline = start + timedelta(days=(step + 1) * rng.randint(30, 90))
            sub_status = sub_goal_status(rng, status, deadline, today)
            done = min(deadline - timedelta(days=rng.randint(0, 20)), today) \
                if sub_status is GoalStatus.ACHIEVED else None
            subs.append({"goal_id": goal_id, "text": text, "deadline": deadline, "version": 1,
                         "status": sub_status.value, "done_on": done, "position": step})
        last = series[-1][0] if series else start
        yield {
            "id": goal_id, "citizen_id": case.id, "grant_id": grant.id, "title": title,
            "description": "", "theme_code": codes[theme], "subtheme_code": codes[f"{theme}/{sub}"],
            "goal_type": goal_type.value, "status": status.value, "start_on": start,
            "position": position, "version": 1,
            "review_on": None if status.is_finished else last + timedelta(days=91),
        }
        goal_id += 1


_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _weekday(day: date) -> date:
    """The day itself, or the Monday after a weekend."""
    return day + timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)


def appointments(rng: random.Random, cases: list[Any], today: date,
                 first_id: int) -> tuple[list[dict], list[dict]]:
    """Calendar rows for the next six weeks: a first meeting for waiting citizens, a fixed
    weekly (or fortnightly) time for about a third of active ones, and single meetings.
    Returns (appointment rows, extra-mentor rows)."""
    rows: list[dict] = []
    extra: list[dict] = []

    def add(case: Any, at: datetime, minutes: int, form: str, note: str = "",
            rrule: str = "", cancelled: bool = False) -> None:
        rows.append({"id": first_id + len(rows), "citizen_id": case.id,
                     "mentor_id": case.primary_at(at.toordinal()), "starts_at": at,
                     "duration_minutes": minutes, "form": form, "place": contact_place(rng, form),
                     "note": note, "rrule": rrule, "series_id": None, "cancelled": cancelled,
                     "version": 1})
        if case.substitutes and rng.random() < 0.08:  # two mentors at the meeting
            extra.append({"appointment_id": rows[-1]["id"], "user_id": case.substitutes[0]})

    for case in cases:
        if case.status == "waiting" and case.grants[0].start <= today + timedelta(days=42):
            add(case, datetime.combine(_weekday(case.grants[0].start), time(10)), 60,
                "home_visit", "Første møde: forventningsafstemning og samtykker.")
        if case.status != "active":
            continue
        if rng.random() < 0.35:
            weekday = rng.randrange(5)
            since = today - timedelta(weeks=rng.randint(2, 20))
            since += timedelta(days=(weekday - since.weekday()) % 7)
            interval = "INTERVAL=2;" if rng.random() < 0.2 else ""
            add(case, datetime.combine(since, time(rng.randint(9, 15))), rng.choice((60, 90)),
                rng.choice(("home_visit", "public_space")), "Fast aftale.",
                f"FREQ=WEEKLY;{interval}BYDAY={_BYDAY[weekday]}")
        for _ in range(rng.randint(0, 3)):
            day = _weekday(today + timedelta(days=rng.randint(1, 42)))
            add(case, datetime.combine(day, time(rng.randint(8, 16), rng.choice((0, 30)))),
                rng.choice((30, 60, 90)), rng.choices(FORMS, cum_weights=FORM_CUM_WEIGHTS[""])[0],
                cancelled=rng.random() < 0.05)
    return rows, extra


# --- staff absence --------------------------------------------------------------------------


def absence_spells(rng: random.Random, year: int) -> list[tuple[str, date, date, str]]:
    """One mentor's absences in a year: summer holiday, maybe autumn and Christmas weeks,
    a few sick days, maybe a course. (kind, first day, last day, note)"""
    summer = date.fromisocalendar(year, rng.randint(26, 31), 1)  # staggered
    spells = [("holiday", summer, summer + timedelta(days=18), "Sommerferie")]
    if rng.random() < 0.5:
        autumn = date.fromisocalendar(year, 42, 1)
        spells.append(("holiday", autumn, autumn + timedelta(days=4), "Efterårsferie"))
    if rng.random() < 0.6:
        spells.append(("holiday", date(year, 12, 22), date(year, 12, 31), "Juleferie"))
    for _ in range(rng.choices((0, 1, 2, 3), (30, 35, 25, 10))[0]):
        sick = date(year, 1, 1) + timedelta(days=rng.randint(0, 360))
        spells.append(("sickness", sick, sick + timedelta(days=rng.randint(0, 4)), "Sygdom"))
    if rng.random() < 0.3:
        course = date(year, 1, 1) + timedelta(days=rng.randint(0, 360))
        spells.append(("course", course, course + timedelta(days=1), "Kursus"))
    return spells


# --- economy --------------------------------------------------------------------------------

_LABELS = {item.code: item.label for item in (*INCOME_ITEMS, *EXPENSE_ITEMS)}
# (income item, net kroner per month low, high, weight)
_INCOMES = (("cash_benefit", 8_500, 11_500, 35), ("pension", 13_000, 15_500, 20),
            ("sickness_benefit", 13_000, 15_500, 12), ("unemployment_benefit", 14_000, 16_500, 10),
            ("wages", 9_000, 18_000, 15), ("student_grant", 5_800, 6_900, 8))
# (expense item, frequency, kroner low, high, share of households, first month)
_EXPENSES = (("rent", "monthly", 4_200, 8_900, 1.0, 1),
             ("electricity", "monthly", 350, 900, 1.0, 1),
             ("heating", "quarterly", 1_200, 3_600, 0.6, 3),
             ("water", "quarterly", 300, 800, 0.5, 2),
             ("insurance", "yearly", 1_800, 4_500, 0.7, 1),
             ("phone_internet", "monthly", 149, 399, 1.0, 1),
             ("transport", "monthly", 300, 600, 0.6, 1),
             ("medicine", "monthly", 100, 450, 0.5, 1))
_SEASON = (1.3, 1.3, 1.1, 1.0, 0.8, 0.8, 0.8, 0.8, 1.0, 1.1, 1.3, 1.3)  # electricity by month
_CREDITORS = {
    DebtType.RENT: "Vestby Boligforening", DebtType.UTILITIES: "Nordby Forsyning A/S",
    DebtType.FINES: "Bødeopkrævningen (demo)", DebtType.CHILD_SUPPORT: "Børnebidrag (demo)",
    DebtType.PUBLIC: "Restskat (demo)", DebtType.BANK_LOAN: "Demobanken A/S",
    DebtType.CONSUMER_CREDIT: "Kviklån Demo ApS", DebtType.PHONE_INTERNET: "Teleselskabet Demo A/S",
    DebtType.OTHER: "Webshoppen Demo ApS",
}
_PUBLIC_COLLECTED = {DebtType.FINES, DebtType.CHILD_SUPPORT, DebtType.PUBLIC}


def _kroner(rng: random.Random, low: int, high: int) -> int:
    """A whole-kroner amount in øre (steps of 10 kr. above 1.000 kr.)."""
    step = 10 if high > 1_000 else 1
    return rng.randrange(low, high + 1, step) * 100


def _hundreds(oere: float) -> int:
    """Round to whole kroner (integer øre)."""
    return round(oere / 100) * 100


def _line(section: str, code: str, frequency: str, amount: int, first_month: int = 1, *,
          months: list[int] | None = None, person: str = "citizen", note: str = "") -> dict:
    if months is None:
        months = [0] * 12
        step = {"monthly": 1, "quarterly": 3}.get(frequency, 12)
        for index in range(first_month - 1, 12, step):
            months[index] = amount
    return {"section": section, "category": code, "label": _LABELS[code], "person": person,
            "frequency": frequency, "amount_oere": amount, "first_month": first_month,
            "note": note, "version": 1, **dict(zip(MONTH_COLUMNS, months, strict=True))}


def economy_sheet(rng: random.Random, instalments_oere: int) -> tuple[dict, list[dict]]:
    """A household's yearly sheet: overview columns and income/expense lines per month."""
    adults = 2 if rng.random() < 0.2 else 1
    children = [0, 0, 0]
    if rng.random() < 0.3:
        for _ in range(rng.randint(1, 3)):
            children[rng.randrange(3)] += 1
    code, low, high, _ = rng.choices(_INCOMES, [w for *_, w in _INCOMES])[0]
    amount = _kroner(rng, low, high)
    varying = [_hundreds(amount * rng.uniform(0.85, 1.15)) for _ in range(12)] \
        if code == "wages" else None
    lines = [_line("income", code, "monthly", amount, months=varying)]
    if adults == 2:
        lines.append(_line("income", "cash_benefit", "monthly", _kroner(rng, 8_500, 11_500),
                           person="partner"))
    if rng.random() < 0.6:
        lines.append(_line("income", "housing_benefit", "monthly", _kroner(rng, 800, 3_200)))
    if sum(children):
        lines.append(_line("income", "child_benefit", "quarterly",
                           sum(children) * _kroner(rng, 3_900, 4_800)))
    for item, frequency, low, high, share, first_month in _EXPENSES:
        if rng.random() < share:
            amount = _kroner(rng, low, high)
            months = [_hundreds(amount * factor) for factor in _SEASON] \
                if item == "electricity" else None
            lines.append(_line("expense", item, frequency, amount, first_month, months=months))
    if children[0] + children[1]:
        fee = _kroner(rng, 1_300, 2_800)
        lines.append(_line("expense", "childcare", "monthly", fee,
                           months=[0 if month == 7 else fee for month in range(1, 13)],
                           note="Juli er betalingsfri"))
    if code in ("wages", "unemployment_benefit"):
        lines.append(_line("expense", "union_fund", "monthly", _kroner(rng, 450, 560)))
    if instalments_oere:
        lines.append(_line("expense", "debt_instalments", "monthly", instalments_oere))
    if rng.random() < 0.4:
        lines.append(_line("expense", "other_expense", "once", _kroner(rng, 1_200, 3_000),
                           rng.randint(1, 12), note="Tandlæge"))
    overview = {"adults": adults, "children_0_1": children[0], "children_2_6": children[1],
                "children_7_17": children[2], "norm_kind": NormKind.DISPOSABLE_AMOUNT.value,
                "note": "Lavet sammen med borgeren.", "version": 1}
    return overview, lines


def debts(rng: random.Random, today: date) -> list[dict]:
    rows = []
    for _ in range(rng.choices(range(6), (20, 25, 20, 15, 12, 8))[0]):
        kind = rng.choice(tuple(DebtType))
        status = rng.choices(tuple(DebtStatus), (20, 25, 8, 15, 8, 18, 6))[0]
        principal = _kroner(rng, 1_500, 150_000 if kind in (DebtType.PUBLIC, DebtType.BANK_LOAN)
                            else 40_000)
        collector = "Gældsstyrelsen" if kind in _PUBLIC_COLLECTED or \
            status is DebtStatus.DEBT_AGENCY else (
                "Demo Inkasso A/S" if status in (DebtStatus.COLLECTION, DebtStatus.BAILIFF) else "")
        paying = status in (DebtStatus.INSTALMENT_PLAN, DebtStatus.WAGE_DEDUCTION)
        rows.append({
            "creditor": _CREDITORS[kind], "collector": collector,
            "case_number": f"DEMO-{rng.randint(10_000, 99_999)}", "debt_type": kind.value,
            "is_priority": kind.is_priority, "status": status.value,
            "principal_oere": principal,
            "balance_oere": _hundreds(principal * rng.uniform(0.4, 1.3)),
            "balance_on": today - timedelta(days=rng.randint(0, 60)),
            "interest_bp": rng.choice((0, 0, 500, 725, 1_200, 1_950)),
            "fees_oere": rng.choice((0, 10_000, 25_000, 60_000)),
            "agreed_payment_oere": _kroner(rng, 200, 1_500) if paying else 0,
            "note": "", "version": 1,
        })
    return rows


def benefit_application(rng: random.Random, today: date) -> dict:
    purpose, amount = rng.choice(BENEFIT_PURPOSES)
    status = rng.choices(tuple(OneOffBenefitStatus), (15, 25, 35, 15, 10))[0]
    applied = today - timedelta(days=rng.randint(5, 200))
    decided = None
    if status in (OneOffBenefitStatus.GRANTED, OneOffBenefitStatus.REFUSED,
                  OneOffBenefitStatus.APPEALED):
        decided = min(applied + timedelta(days=rng.randint(10, 50)), today)
    return {
        "applied_on": applied, "purpose": purpose, "legal_basis": ONE_OFF_BENEFIT_LEGAL_BASIS,
        "amount_applied_oere": amount, "status": status.value,
        "amount_granted_oere": amount if status is OneOffBenefitStatus.GRANTED else None,
        "decided_on": decided,
        "appeal_deadline": decided + timedelta(days=28)
        if decided and status is not OneOffBenefitStatus.GRANTED else None,
        "note": "", "version": 1,
    }
