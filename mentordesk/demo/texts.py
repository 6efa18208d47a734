"""Fictitious sentences and places for the demo: journal notes, goals, reports, courses.

All text is made up and written as a Danish mentor or citizen would put it.
"""

from __future__ import annotations

import random

# Where contacts and group sessions take place.
DEMO_HOUSE = "Demohuset, Havnegade 1, 0101 Nordby"
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
