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
from datetime import date

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

# (postal code, town, municipality suffix): invented towns, postal codes no town has.
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
        "Vi talte om ugen der gik og planlagde de næste dage.",
        "Gennemgik post og e-Boks sammen.",
        "Ryddede op i køkkenet sammen og lavede en ugeplan.",
        "Fulgte op på budgettet for måneden.",
        "Borgeren virkede mere rolig end sidst.",
        "Borgeren fortalte om dårlig søvn; vi aftalte at tale med lægen.",
        "Lavede en indkøbsliste og talte om madplan.",
        "Borgeren har passet sin medicin hele ugen.",
    ),
    "public_space": (
        "Vi gik en tur og talte om familien.",
        "Kaffe på caféen; borgeren fortalte om en god weekend.",
        "Mødtes på biblioteket og søgte job sammen.",
        "Borgeren var presset; vi talte om hvad der kan hjælpe.",
    ),
    "activity_centre": (
        "Deltog i fællesspisning og snakkede med de andre.",
        "Borgeren hjalp til i køkkenet i værestedet.",
        "Spillede kort med de andre brugere; god stemning.",
    ),
    "accompaniment": (
        "Fulgte borgeren til lægen.",
        "Ledsagede til møde på jobcentret.",
        "Fulgte med til samtale på rusmiddelcentret.",
        "Ledsagede til AA-møde.",
        "Fulgte med i banken og fik oprettet betalingsservice.",
        "Ledsagede til boligkontoret om huslejerestance.",
    ),
    "phone": (
        "Telefonsamtale: borgeren havde det okay.",
        "Ringede for at minde om aftalen i morgen.",
        "Borgeren ringede og bad om hjælp til et brev fra kommunen.",
        "Kort opfølgning efter udskrivning; borgeren er kommet godt hjem.",
    ),
    "sms": (
        "SMS om aftalen på torsdag.",
        "Sendte påmindelse om lægetid.",
        "Borgeren skrev at det går fint.",
    ),
    "online": (
        "Videosamtale via den sikre platform.",
        "Onlinesamtale om ugens planer; borgeren valgte selv tidspunktet.",
    ),
}
FOLLOW_UPS = (
    "Næste aftale er lagt i kalenderen.",
    "Vi følger op næste gang.",
    "Borgeren var glad for besøget.",
    "Aftalt at borgeren selv ringer til kommunen.",
    "Det går den rigtige vej.",
)
NO_SHOW_NOTES = (
    "Borgeren var ikke hjemme; lagt en seddel.",
    "Udeblev; ringede uden svar.",
    "Borgeren mødte ikke op; sendte en SMS.",
    "Aflyst af borgeren samme dag.",
)
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

GROUP_COURSES = (
    # name, weekday (0 = Monday), hour, minute, duration minutes, months before today, ended
    ("Økonomi- og IT-gruppe", 1, 10, 0, 120, 24, False),
    ("Forandringsgruppe", 3, 13, 0, 90, 12, False),
    ("Gå- og snakkegruppe", 0, 10, 0, 60, 30, True),
)
BENEFIT_PURPOSES = (
    ("Tandbehandling", 650_000), ("Depositum til ny bolig", 2_400_000),
    ("Vinterjakke og støvler", 150_000), ("Briller", 220_000), ("Ny seng", 400_000),
)
RELATIONS = ("mor", "far", "søster", "bror", "datter", "søn", "ven", "nabo", "moster")
CASEWORKER_TITLES = ("sagsbehandler", "rådgiver", "jobkonsulent")


def is_famous(first: str, last: str) -> bool:
    return f"{first} {last}".casefold() in FAMOUS_NAMES


def person_name(rng: random.Random, female: bool | None = None) -> tuple[str, str]:
    """A fictitious (first, last) name; never one of ``FAMOUS_NAMES``."""
    while True:
        is_female = rng.random() < 0.5 if female is None else female
        first = rng.choice(FEMALE_FIRST_NAMES if is_female else MALE_FIRST_NAMES)
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


def contact_note(rng: random.Random, form: str, attended: bool) -> str:
    if not attended:
        return rng.choice(NO_SHOW_NOTES)
    text = rng.choice(NOTES[form])
    if rng.random() < 0.3:
        text += " " + rng.choice(FOLLOW_UPS)
    return text
